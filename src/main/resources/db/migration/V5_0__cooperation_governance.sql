-- cooperation (governance): the bodies of the multilevel governance — the regional steering group (cabina di regia),
-- one table per network (tavolo di rete), thematic working groups — their member organisations, their meetings with
-- the organisations invited and present, minutes, attached files and decisions with their follow-up.
-- Foreign keys point down the module graph only: to the partnership (network by its code, organisations).

create table cooperation_governance_body (
    id           bigint generated always as identity primary key,
    kind         text        not null check (kind in ('STEERING_GROUP', 'NETWORK_TABLE', 'WORKING_GROUP')),
    -- null: the body works for the whole project
    network_code text        references partnership_network (code),
    name         text        not null check (length(trim(name)) between 3 and 200),
    description  text        check (length(description) <= 2000),
    active       boolean     not null default true,
    demo         boolean     not null default false,
    version      integer     not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check (kind <> 'STEERING_GROUP' or network_code is null),
    check (kind <> 'NETWORK_TABLE' or network_code is not null)
);

-- one steering group for the project, one table per network
create unique index cooperation_governance_body_steering_uq on cooperation_governance_body (kind)
    where kind = 'STEERING_GROUP';
create unique index cooperation_governance_body_table_uq on cooperation_governance_body (network_code)
    where kind = 'NETWORK_TABLE';
create index cooperation_governance_body_network_idx on cooperation_governance_body (network_code);

create table cooperation_governance_member (
    body_id         bigint not null references cooperation_governance_body on delete cascade,
    organisation_id bigint not null references partnership_organisation,
    primary key (body_id, organisation_id)
);

create index cooperation_governance_member_org_idx on cooperation_governance_member (organisation_id);

create table cooperation_meeting (
    id          bigint generated always as identity primary key,
    body_id     bigint      not null references cooperation_governance_body,
    held_on     date        not null,
    start_time  time,
    end_time    time,
    mode        text        not null check (mode in ('IN_PERSON', 'ONLINE', 'HYBRID')),
    place       text        check (length(place) <= 300),
    link        text        check (link ~ '^https?://' and length(link) <= 500),
    agenda      text        check (length(agenda) <= 4000),
    minutes     text        check (length(minutes) <= 20000),
    status      text        not null default 'PLANNED' check (status in ('PLANNED', 'HELD', 'CANCELLED')),
    demo        boolean     not null default false,
    version     integer     not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (end_time is null or start_time is null or end_time > start_time),
    check (mode = 'ONLINE' or place is not null),
    check (mode = 'IN_PERSON' or link is not null)
);

create index cooperation_meeting_held_on_idx on cooperation_meeting (held_on, id);
create index cooperation_meeting_body_idx on cooperation_meeting (body_id, held_on desc);

-- The organisations invited; present is null until the attendance is recorded.
create table cooperation_meeting_attendance (
    meeting_id      bigint  not null references cooperation_meeting on delete cascade,
    organisation_id bigint  not null references partnership_organisation,
    present         boolean,
    people          integer not null default 0 check (people between 0 and 999),
    primary key (meeting_id, organisation_id),
    check ((present is true and people >= 1) or (present is not true and people = 0))
);

create index cooperation_meeting_attendance_org_idx on cooperation_meeting_attendance (organisation_id);

-- Files attached to the minutes, kept in the database with the type read from their bytes.
create table cooperation_meeting_file (
    id            bigint generated always as identity primary key,
    meeting_id    bigint      not null references cooperation_meeting on delete cascade,
    filename      text        not null check (length(filename) between 1 and 200),
    content_type  text        not null,
    size          integer     not null check (size > 0),
    content       bytea       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null default now()
);

create index cooperation_meeting_file_meeting_idx on cooperation_meeting_file (meeting_id);

create table cooperation_meeting_decision (
    id                    bigint generated always as identity primary key,
    meeting_id            bigint      not null references cooperation_meeting on delete cascade,
    text                  text        not null check (length(trim(text)) between 3 and 2000),
    owner_organisation_id bigint      not null references partnership_organisation,
    due_on                date,
    status                text        not null default 'OPEN'
                              check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    note                  text        check (length(note) <= 2000),
    version               integer     not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

create index cooperation_meeting_decision_meeting_idx on cooperation_meeting_decision (meeting_id);
create index cooperation_meeting_decision_open_idx on cooperation_meeting_decision (due_on)
    where status in ('OPEN', 'IN_PROGRESS');
