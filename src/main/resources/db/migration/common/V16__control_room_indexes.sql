-- The control room over a large store (issue 13, bin/x12gw bench --control-room, measured with a
-- million findings in docs/control-room.md). H2 reads whole rows to aggregate them: the heat map
-- scanned classified_finding through classified_finding_payer and looked every row up by its key
-- for its record type and amount (1.15 million page reads, 12 s at a million findings on H2).
-- The same index with those two columns added holds every column the heat map's denials query
-- reads, and H2 reads the index alone. It replaces classified_finding_payer (same leading
-- columns, so a payer's history of a family, JdbcPayerStats.observed, is found as before); its
-- keys begin with the payer and family, not a random id (docs/store.md).
drop index classified_finding_payer;
create index classified_finding_payer_family
    on classified_finding (payer_id, denial_family, category, decided_on, record_type, amount);
