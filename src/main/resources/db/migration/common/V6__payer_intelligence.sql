-- Denial intelligence (issue 5): every classified denial, underpayment and recoupment in force,
-- by what it is about (finding_key), with the denial family and service line it was classified
-- in; overturned_by is the DENIAL_OVERTURNED record that a later payment produced. Observed
-- overturn rates per payer and family, and the payer intelligence view, come from here.

create table classified_finding (
    finding_key        char(36)      primary key,
    record_id          char(36)      not null,
    payer_id           varchar(80)   not null,
    category           varchar(20)   not null,   -- DENIAL, UNDERPAYMENT, RECOUPMENT
    denial_family      varchar(40)   not null,
    service_line       varchar(40)   not null,
    amount             decimal(20,4) not null,   -- amount at stake
    expected_recovery  decimal(20,4) not null,
    overturned_by      char(36),
    recovered_amount   decimal(20,4),
    decided_on         date,                     -- the remittance's payment date
    classified_at      timestamp with time zone not null
);
create index classified_finding_record on classified_finding (record_id);
create index classified_finding_overturn on classified_finding (overturned_by);
create index classified_finding_payer
    on classified_finding (payer_id, denial_family, category, decided_on);

-- Payer intelligence: counts and dollars per payer x family x service line x category.
create view payer_intelligence as
select payer_id,
       denial_family,
       service_line,
       category,
       count(*)                                                  as findings,
       sum(amount)                                               as amount,
       sum(case when overturned_by is not null then 1 else 0 end) as overturned,
       coalesce(sum(recovered_amount), 0)                        as recovered,
       sum(expected_recovery)                                    as expected_recovery
  from classified_finding
 group by payer_id, denial_family, service_line, category;
