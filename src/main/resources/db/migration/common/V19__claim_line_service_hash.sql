-- Issue 14 (the scrubber's duplicate check): the first 64 bits of each 837 line's service key (the
-- SHA-256 of payer, member id, day, procedure with its NDC and modifiers), written with the line by
-- every intake, so an outgoing claim is checked against every claim taken in as submitted. Not
-- indexed: the scrubber holds these in memory (store/SubmittedServices), read once and then by id.
alter table claim_line add column service_hash bigint;
