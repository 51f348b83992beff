-- Issue 19: a file's transaction sets are committed one by one, each with its progress row, so
-- their records are relayed while the rest of the file is read and an interrupted attempt resumes
-- after the sets it committed. The rows of a file are deleted when the file is finished.
create table intake_progress (
    file_id      bigint        not null references intake_file (id),
    set_ordinal  int           not null,
    duplicate    boolean       not null,
    matched      bigint        not null,
    records      varchar(4000) not null,
    primary key (file_id, set_ordinal)
);
