-- Targets and baselines per indicator, network (null: the project as a whole) and period code (2026-Q3, 2026, PTD).
create table indicator_target (
    id              bigint      generated always as identity primary key,
    indicator_code  text        not null references indicator_definition (code),
    network_code    text        references partnership_network (code),
    period_code     text        not null check (period_code ~ '^([0-9]{4}(-Q[1-4])?|PTD)$'),
    target          numeric(14, 2) check (target >= 0),
    baseline        numeric(14, 2) check (baseline >= 0),
    set_by          text        not null,
    set_at          timestamptz not null default now(),
    version         integer     not null default 0,
    check (target is not null or baseline is not null)
);

create unique index indicator_target_uq on indicator_target (indicator_code, coalesce(network_code, ''), period_code);
