-- Issue 19: the outbox row is small (ids, type, queue, payer, times) and the record's JSON lives
-- in outbox_body, one row per record until retention deletes it. Marking a batch published then
-- rewrites small rows only, and retention deletes rows (space the store reuses) instead of
-- rewriting the outbox rows without their bodies.
create table outbox_body (
    seq   bigint                  not null primary key,   -- outbox.seq
    body  varchar(1000000000)     not null
);
insert into outbox_body (seq, body) select seq, body from outbox where body is not null;
alter table outbox drop column body;
