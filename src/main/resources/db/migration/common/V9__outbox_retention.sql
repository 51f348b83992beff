-- Issue 19: outbox retention. A published record's body is dropped once it is older than
-- outbox.retention (default P7D); its row stays, so its record id is still never queued twice.
alter table outbox alter column body drop not null;
