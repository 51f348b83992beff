-- Issue 12: several gateways on one drop and one store.
--
-- file_claim: which gateway node holds a file of the drop (claim_key "drop:<folder>/<name>:<size>:<mtime>")
-- or a file's content ("content:<sha256>"). A node claims a file before it touches it; another
-- node skips a file claimed and still renewed (heartbeat_at), and takes over a claim not renewed
-- within intake.claim-timeout-ms (its node died). A claim of a file moved away stays DONE for a
-- day, so a node that listed the file before it moved does not take it again.
create table file_claim (
    claim_key     varchar(1200)            not null primary key,
    node          varchar(200)             not null,
    state         varchar(16)              not null,   -- TAKEN or DONE
    claimed_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null
);
create index file_claim_node on file_claim (node, state);

-- relay_lease: the one node whose relay publishes the outbox (records leave in outbox order);
-- renewed with every batch, taken over by another node once expired.
create table relay_lease (
    id          integer                  not null primary key,
    node        varchar(200)             not null,
    expires_at  timestamp with time zone not null
);
insert into relay_lease (id, node, expires_at)
    values (1, '', timestamp with time zone '1970-01-01 00:00:00+00');
