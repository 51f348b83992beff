-- Issue 19 (the gateway's speed): indexes that no statement needs, each written for every row.
-- H2 gives a foreign key an index of its own when the table is created with it, so case_id of
-- case_key (V5: "references claim_case") and of provider_adjustment (V5: "add column ...
-- references") were indexed twice; the foreign keys' indexes stay. claim_payment_pcn (V1) served
-- the matching by CLP01 that claim cases replaced (V5): no query reads claim_payment by its
-- patient control number. A payment has six match keys (CLP01 and CLP07 with each of the 835's
-- three payer identifiers): six index entries fewer per payment, and one more.
drop index case_key_case;
drop index provider_adjustment_case_id;
drop index claim_payment_pcn;
