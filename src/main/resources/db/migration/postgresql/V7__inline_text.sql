-- PostgreSQL twin of h2/V7__inline_text.sql. H2 moved its JSON documents and record bodies from
-- CLOBs (kept apart from the row, outside its transaction) to inline VARCHAR here. PostgreSQL has
-- no such split: text values are part of the row's transaction (stored out of line by TOAST when
-- large, still within it), so the columns stay text. Stated again so the schema reads the same.
alter table outbox alter column body set data type text;
alter table claim alter column detail set data type text;
alter table claim_payment alter column detail set data type text;
alter table remittance alter column detail set data type text;
alter table claim_case alter column detail set data type text;
alter table provider_summary alter column detail set data type text;
