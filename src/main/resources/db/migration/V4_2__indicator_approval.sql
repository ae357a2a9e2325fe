-- Approval of a network's quarter and the snapshots of the values approved.

-- One row per network and quarter, moved through SUBMITTED -> APPROVED | RETURNED, APPROVED -> REOPENED,
-- RETURNED/REOPENED -> SUBMITTED again. The row keeps the latest step; every step is also in the audit trail
-- and in indicator_submission_step (the history the page shows).
create table indicator_submission (
    id            bigint      generated always as identity primary key,
    network_code  text        not null references partnership_network (code),
    period_code   text        not null check (period_code ~ '^[0-9]{4}-Q[1-4]$'),
    status        text        not null check (status in ('SUBMITTED', 'APPROVED', 'RETURNED', 'REOPENED')),
    comment       text,
    submitted_by  text        not null,
    submitted_at  timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    version       integer     not null default 0,
    unique (network_code, period_code),
    check (status = 'SUBMITTED' or (decided_by is not null and decided_at is not null)),
    check (status not in ('RETURNED', 'REOPENED') or length(trim(comment)) > 0)
);

create table indicator_submission_step (
    id             bigint      generated always as identity primary key,
    submission_id  bigint      not null references indicator_submission (id),
    status         text        not null,
    comment        text,
    actor          text        not null,
    at             timestamptz not null default now()
);

create index indicator_submission_step_submission on indicator_submission_step (submission_id, id);

-- The indicator values of a network (network_code null: the project) for an approved quarter, as computed at
-- approval. Reopening supersedes a snapshot (superseded_at set) and keeps it.
create table indicator_snapshot (
    id             bigint      generated always as identity primary key,
    period_code    text        not null check (period_code ~ '^[0-9]{4}-Q[1-4]$'),
    network_code   text        references partnership_network (code),
    taken_at       timestamptz not null default now(),
    taken_by       text        not null,
    cells          jsonb       not null,
    superseded_at  timestamptz
);

create unique index indicator_snapshot_current on indicator_snapshot (period_code, coalesce(network_code, ''))
    where superseded_at is null;
