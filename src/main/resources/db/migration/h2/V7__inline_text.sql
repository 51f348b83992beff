-- Issue 10/19: JSON documents and record bodies are stored inline in their rows (VARCHAR), not as
-- H2 CLOBs. A CLOB lives in H2's separate LOB maps, written outside the row's transaction: after
-- a kill -9 a committed row could point to a LOB that recovery had dropped (reading it failed
-- with a NullPointerException in LobStorageMap), and every CLOB cost several map entries and a
-- temporary LOB per value. Inline text is part of the row: committed with it or not at all.
alter table outbox alter column body set data type varchar(1000000000);
alter table claim alter column detail set data type varchar(1000000000);
alter table claim_payment alter column detail set data type varchar(1000000000);
alter table remittance alter column detail set data type varchar(1000000000);
alter table claim_case alter column detail set data type varchar(1000000000);
alter table provider_summary alter column detail set data type varchar(1000000000);
