-- imports: spreadsheet upload jobs and their row-by-row report. The report keeps the line, the column and the reason;
-- it quotes only the text of a cell that could not be read (a mistyped date or code), never a valid value (the
-- original file is held in memory only).

create table imports_job (
    id               bigint generated always as identity primary key,
    network_code     text        not null references partnership_network (code),
    username         text        not null,
    kind             text        not null check (kind in ('PARTICIPANTS')),
    mode             text        not null check (mode in ('VALIDATE', 'COMMIT')),
    file_name        text        not null check (length(file_name) <= 255),
    file_sha256      char(64)    not null,
    file_bytes       bigint      not null,
    status           text        not null check (status in ('RUNNING', 'VALIDATED', 'INVALID', 'COMMITTED',
                                     'REJECTED', 'FAILED')),
    problem_key      text,
    problem_args     text,
    rows_total       integer     not null default 0,
    rows_done        integer     not null default 0,
    rows_accepted    integer     not null default 0,
    rows_rejected    integer     not null default 0,
    rows_present     integer     not null default 0,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz
);
create index imports_job_network_started on imports_job (network_code, started_at desc);

-- One note per row that was refused (a problem) or skipped as already present; accepted rows have none.
create table imports_note (
    id           bigint generated always as identity primary key,
    job_id       bigint  not null references imports_job (id) on delete cascade,
    line         integer not null,
    outcome      text    not null check (outcome in ('REJECTED', 'PRESENT')),
    column_name  text,
    message_key  text    not null,
    args         text
);
create index imports_note_job on imports_note (job_id, line);
