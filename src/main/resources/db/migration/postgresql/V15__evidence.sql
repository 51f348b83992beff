-- Evidence packets (GET /api/v1/findings/{recordId}/packet.pdf|zip); null in rows stored before
-- this version.
-- The X12 segments each claim and claim payment was read from ("the claim as submitted", "the
-- remittance as received"), one segment per line: a claim's with the 837 transaction's header
-- and the HL levels above it, a payment's with its LX header number. They are kept in blocks of a
-- file's items, each block packed once (store/SegmentBlocks, store/Documents); a row names its
-- block and its place in it. The 835 transaction's header is kept once, with its remittance.
create table segment_block (
    intake_file_id  bigint   not null,
    block_no        integer  not null,
    segments        bytea not null,
    primary key (intake_file_id, block_no)
);
alter table claim add column segment_block integer;
alter table claim add column segment_item integer;
alter table claim_payment add column segment_block integer;
alter table claim_payment add column segment_item integer;
alter table remittance add column segments bytea;
-- The published record of a classified finding in force: outbox bodies are dropped after
-- outbox.retention, the finding's record stays while the finding does.
alter table classified_finding add column record bytea;
