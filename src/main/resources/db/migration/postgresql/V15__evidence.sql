-- Evidence packets (GET /api/v1/findings/{recordId}/packet.pdf|zip). Packed like the documents
-- (store/Documents); null for rows stored before this version.
-- The X12 segments each claim and claim payment was read from, one segment per line ("the claim
-- as submitted", "the remittance as received"): a claim's with the 837 transaction's header and
-- the HL levels above it; a payment's with its LX header number, the 835 transaction's header
-- being kept once with its remittance.
alter table claim add column segments bytea;
alter table claim_payment add column segments bytea;
alter table remittance add column segments bytea;
-- The published record of a classified finding in force: outbox bodies are dropped after
-- outbox.retention, the finding's record stays while the finding does.
alter table classified_finding add column record bytea;
