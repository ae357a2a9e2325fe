-- directory: the public multilingual catalogue of services and events (issue 6).
-- Ids are UUIDs because HSDS 3.0 wants them. Texts live in directory_text, one row per field and language: Italian
-- ('it') is the source, other languages are translations with a state (no row = missing). Foreign keys point down the
-- module graph only (partnership, territory).

create table directory_entry (
    id               uuid        primary key,
    kind             text        not null check (kind in ('SERVICE', 'EVENT')),
    network_code     text        not null references partnership_network (code),
    organisation_id  bigint      not null references partnership_organisation (id),
    status           text        not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'UNPUBLISHED')),
    free             boolean     not null default true,
    languages        text[]      not null default '{}',
    email            text        check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
    phone            text        check (phone is null or length(phone) <= 40),
    url              text        check (url is null or url ~ '^https?://'),
    starts_at        timestamptz,
    ends_at          timestamptz,
    last_checked_on  date,
    last_checked_by  text,
    published_at     timestamptz,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0,
    check (kind = 'SERVICE' or starts_at is not null),
    check (ends_at is null or starts_at is null or ends_at >= starts_at),
    check (status <> 'PUBLISHED' or last_checked_on is not null)
);
create index directory_entry_network on directory_entry (network_code, status);
create index directory_entry_published on directory_entry (kind, status, last_checked_on);

-- Categories from the fixed taxonomy (codes of DirectoryCategory).
create table directory_entry_category (
    entry_id uuid not null references directory_entry (id) on delete cascade,
    category text not null check (category in ('ITALIAN_LANGUAGE', 'CIVIC_ORIENTATION', 'WORK_GUIDANCE',
                 'SKILLS_RECOGNITION', 'DOCUMENTS_PERMITS', 'FAMILY', 'HEALTH_ACCESS', 'SCHOOL_YOUTH', 'HOUSING',
                 'COMMUNITY', 'DIGITAL_SKILLS')),
    primary key (entry_id, category)
);
create index directory_entry_category_category on directory_entry_category (category);

-- Every translatable text, per field and language. state: DRAFT or REVIEWED (Italian, the source, is REVIEWED).
create table directory_text (
    entry_id   uuid        not null references directory_entry (id) on delete cascade,
    field      text        not null check (field in ('name', 'description', 'audience', 'eligibility', 'cost',
                               'documents', 'registration', 'hours_note')),
    lang       text        not null check (lang in ('it', 'en', 'fr', 'es', 'ar', 'zh-CN', 'uk', 'sq', 'ur', 'bn',
                               'pa', 'tl')),
    value      text        not null check (length(value) between 1 and 4000),
    state      text        not null check (state in ('DRAFT', 'REVIEWED')),
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    primary key (entry_id, field, lang)
);

-- Where: one or more places in a comune (HSDS location + address).
create table directory_location (
    id           uuid    primary key,
    entry_id     uuid    not null references directory_entry (id) on delete cascade,
    position     integer not null,
    name         text    check (name is null or length(name) <= 200),
    address      text    not null check (length(address) between 3 and 300),
    postal_code  text    check (postal_code is null or postal_code ~ '^[0-9]{5}$'),
    comune_istat char(6) not null references territory_comune,
    latitude     double precision check (latitude between -90 and 90),
    longitude    double precision check (longitude between -180 and 180),
    unique (entry_id, position)
);
create index directory_location_comune on directory_location (comune_istat);

-- Weekly opening hours (HSDS schedule: freq WEEKLY, byday, opens_at, closes_at).
create table directory_opening (
    id       uuid    primary key,
    entry_id uuid    not null references directory_entry (id) on delete cascade,
    weekday  integer not null check (weekday between 1 and 7),
    opens    time    not null,
    closes   time    not null,
    check (closes > opens)
);
create index directory_opening_entry on directory_opening (entry_id, weekday, opens);

-- Exceptions: a day closed, or open at other hours.
create table directory_closure (
    id       uuid primary key,
    entry_id uuid not null references directory_entry (id) on delete cascade,
    on_date  date not null,
    opens    time,
    closes   time,
    note     text check (note is null or length(note) <= 200),
    check ((opens is null) = (closes is null)),
    unique (entry_id, on_date)
);
