-- The control room over a large store (issue 13, bin/x12gw bench --control-room, measured with a
-- million findings in docs/control-room.md). H2 reads a table's whole rows to aggregate them, and
-- a scan of classified_finding through classified_finding_payer looked every row up by its key
-- (18.6 s for the heat map on H2): these indexes hold every column the heat map reads, so it reads
-- the index alone (about 1-2 s).
--
-- Denials per payer x family (heat map), and a payer's history of a family (JdbcPayerStats
-- observed: category, payer, family equal, decided_on a range), which classified_finding_payer
-- served: it is replaced, not added to. Its keys begin with few distinct values (category, payer,
-- family) and then the decision date, so an insert lands near the end of its payer's and family's
-- range, not at a random place (docs/store.md, why random keys were dropped).
drop index classified_finding_payer;
create index classified_finding_payer_family
    on classified_finding (category, payer_id, denial_family, decided_on, record_type, amount);

-- Claims first adjudicated per payer (heat map denominators), by first adjudication date.
create index claim_case_payer_first_pass on claim_case (payer_id, first_outcome, first_pass_on);
