-- Issue 19 (the gateway's speed): an index that no statement needs, written for every payment.
-- claim_payment_pcn (V1) served the matching by CLP01 that claim cases replaced (V5): no query
-- reads claim_payment by its patient control number. (On H2 this version also drops the second
-- index of case_key.case_id and provider_adjustment.case_id, which H2 made for their foreign keys;
-- PostgreSQL makes none, so here those are the only ones and stay.)
drop index claim_payment_pcn;
