-- activity: activity types (data an administrator extends), activities run by a network's member
-- organisations, and their sessions. Foreign keys point down the module graph only: to the partnership
-- (network by its code, organisations) and to territory reference data (comuni).

create table activity_type (
    code                 text         primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    action               char(2)      not null check (action in ('01', '02', '03')),
    label_it             text         not null check (length(trim(label_it)) between 2 and 200),
    label_en             text         not null check (length(trim(label_en)) between 2 and 200),
    -- the code an indicator counts this type's participants under (e.g. LANGUAGE_COURSE); null = none
    counts_for           text         check (counts_for ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    -- share of the planned hours a participant must attend to have completed the activity
    completion_threshold numeric(3, 2) not null default 0.70
                             check (completion_threshold > 0 and completion_threshold <= 1),
    active               boolean      not null default true,
    version              integer      not null default 0
);

-- The main table: "activity_" prefix like every table of the module.
create table activity_activity (
    id            bigint generated always as identity primary key,
    network_code  text         not null references partnership_network (code),
    type_code     text         not null references activity_type,
    title         text         not null check (length(trim(title)) between 3 and 200),
    description   text,
    comune_istat  char(6)      not null references territory_comune,
    venue         text,
    start_date    date         not null,
    end_date      date         not null,
    planned_hours numeric(7, 2) not null check (planned_hours > 0),
    languages     text[]       not null default '{}',
    capacity      integer      check (capacity > 0),
    target_group  text,
    status        text         not null default 'PLANNED'
                      check (status in ('PLANNED', 'ONGOING', 'COMPLETED', 'CANCELLED')),
    demo          boolean      not null default false,
    version       integer      not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    check (end_date >= start_date)
);

-- list filters: network (always, for scoped users) with date order, type, status, comune, date range
create index activity_activity_network_start_idx on activity_activity (network_code, start_date desc, id);
create index activity_activity_start_idx on activity_activity (start_date desc, id);
create index activity_activity_type_idx on activity_activity (type_code);
create index activity_activity_status_idx on activity_activity (status);
create index activity_activity_comune_idx on activity_activity (comune_istat);
create index activity_activity_end_idx on activity_activity (end_date);

-- Organisations that deliver an activity together; exactly one of them leads it.
create table activity_organisation (
    activity_id     bigint  not null references activity_activity on delete cascade,
    organisation_id bigint  not null references partnership_organisation,
    lead            boolean not null default false,
    primary key (activity_id, organisation_id)
);

create unique index activity_organisation_one_lead_uq on activity_organisation (activity_id) where lead;
create index activity_organisation_org_idx on activity_organisation (organisation_id);

create table activity_session (
    id           bigint generated always as identity primary key,
    activity_id  bigint        not null references activity_activity on delete cascade,
    session_date date          not null,
    start_time   time,
    end_time     time,
    hours        numeric(4, 2) not null check (hours > 0 and hours <= 24),
    venue        text,
    version      integer       not null default 0,
    check (start_time is null or end_time is null or end_time > start_time)
);

create index activity_session_activity_idx on activity_session (activity_id, session_date, start_time);
create index activity_session_date_idx on activity_session (session_date);
