-- The denial control room (issue 13): the facts its KPIs, worklist and payer patterns query, as
-- columns. A case keeps its claim's first adjudication (claim-level rates: initial denial, line
-- denial, clean claim); a classified finding keeps what the worklist shows and the segments it
-- is counted under. Rows stored before this version have nulls here until their case is
-- recomputed (a later claim or payment of the case); the control room leaves them out.

alter table claim_case add column payer_id varchar(80);
alter table claim_case add column billing_npi varchar(80);
alter table claim_case add column service_line varchar(40);
alter table claim_case add column first_pass_on date;
alter table claim_case add column first_outcome varchar(20);       -- PAID, DENIED, PARTIALLY_DENIED, UNDERPAID
alter table claim_case add column first_billed decimal(20,4);
alter table claim_case add column first_denied_amount decimal(20,4);
alter table claim_case add column first_lines integer;
alter table claim_case add column first_denied_lines integer;
alter table claim_case add column first_clean boolean;
create index claim_case_first_pass on claim_case (first_pass_on);

alter table classified_finding add column record_type varchar(40);
alter table classified_finding add column case_id bigint;
alter table classified_finding add column payer_name varchar(200);
alter table classified_finding add column billing_npi varchar(80);
alter table classified_finding add column billing_name varchar(200);
alter table classified_finding add column claim_ref varchar(80);
alter table classified_finding add column payer_claim_number varchar(80);
alter table classified_finding add column line_number integer;
alter table classified_finding add column procedure_code varchar(48);
alter table classified_finding add column driving_code varchar(40);
alter table classified_finding add column carc varchar(10);
alter table classified_finding add column rule_id varchar(200);
alter table classified_finding add column root_cause varchar(40);
alter table classified_finding add column preventable boolean;
alter table classified_finding add column recovery_pathway varchar(40);
alter table classified_finding add column labor_cost decimal(20,4);
alter table classified_finding add column priority decimal(20,4);
alter table classified_finding add column appeal_deadline date;
alter table classified_finding add column negotiation_deadline date;
alter table classified_finding add column idr_deadline date;
alter table classified_finding add column recovered_on date;       -- payment date of the overturn
create index classified_finding_decided on classified_finding (decided_on);
create index classified_finding_priority on classified_finding (priority);
