-- Issue 17/19: one stored shape per fact. A claim payment's service lines, CAS adjustments and
-- remark codes were stored twice: as rows of service_payment, adjustment and remark (never read)
-- and inside claim_payment.detail (read whenever the case is reloaded). They now live in the
-- document only; claim_payment keeps the columns that reports query, plus its line count.
-- Denials by CARC, family and service line are queried from classified_finding and finding.
alter table claim_payment add column line_count int not null default 0;
update claim_payment p set line_count =
    (select count(*) from service_payment s where s.claim_payment_id = p.id);
drop table remark;
drop table adjustment;
drop table service_payment;
