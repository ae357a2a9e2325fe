-- report: the notes each network writes for a period, printed in the periodic report.
create table report_note (
    period_code   text        not null check (period_code ~ '^([0-9]{4}(-Q[1-4])?|PTD)$'),
    network_code  text        not null references partnership_network (code),
    text          text        not null check (length(text) <= 4000),
    updated_by    text        not null,
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0,
    primary key (period_code, network_code)
);
