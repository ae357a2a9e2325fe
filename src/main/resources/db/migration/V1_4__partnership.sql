-- partnership: organisations, the 13 territorial networks, membership, comuni covered.
-- Foreign keys may point down the module graph (to territory reference data), never up.

create table partnership_organisation (
    id            bigint generated always as identity primary key,
    name          text    not null check (length(trim(name)) between 2 and 300),
    kind          text    not null check (kind in ('LOCAL_AUTHORITY', 'REGION', 'MUNICIPALITIES_ASSOCIATION',
                      'THIRD_SECTOR', 'JOB_CENTRE', 'LABOUR_MARKET_OPERATOR', 'CPIA', 'SCHOOL', 'TRAINING_BODY',
                      'SOCIAL_PARTNER', 'MIGRANT_ASSOCIATION', 'NEW_GENERATION_ASSOCIATION', 'RESEARCH')),
    project_role  text    check (project_role in ('PROJECT_LEAD', 'GOVERNANCE', 'TECHNICAL_PARTNER')),
    tax_code      text    check (tax_code ~ '^[0-9]{11}$'),
    seat_istat    char(6) references territory_comune,
    address       text,
    email         text,
    phone         text,
    website       text,
    demo          boolean not null default false,
    version       integer not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create unique index partnership_organisation_tax_code_uq on partnership_organisation (tax_code);
create unique index partnership_organisation_name_seat_uq
    on partnership_organisation (lower(name), coalesce(seat_istat, ''));
create index partnership_organisation_kind_idx on partnership_organisation (kind);

create table partnership_network (
    id                   bigint generated always as identity primary key,
    code                 text     not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
    ordinal              smallint not null unique,
    name                 text     not null,
    lead_organisation_id bigint   not null references partnership_organisation,
    version              integer  not null default 0
);

create table partnership_membership (
    id               bigint generated always as identity primary key,
    network_id       bigint  not null references partnership_network,
    organisation_id  bigint  not null references partnership_organisation,
    role             text    not null check (role in ('LEAD', 'PARTNER', 'SUPPORTER')),
    since            date,
    until            date,
    version          integer not null default 0,
    check (until is null or since is null or until >= since)
);

create unique index partnership_membership_uq on partnership_membership (network_id, organisation_id);
create index partnership_membership_org_idx on partnership_membership (organisation_id);

-- A comune belongs to at most one network: the primary key says so.
create table partnership_network_comune (
    istat_code  char(6)     primary key references territory_comune,
    network_id  bigint      not null references partnership_network,
    source      text        not null check (source in ('SCREEN', 'IMPORT', 'DEMO')),
    added_at    timestamptz not null default now()
);

create index partnership_network_comune_network_idx on partnership_network_comune (network_id);
