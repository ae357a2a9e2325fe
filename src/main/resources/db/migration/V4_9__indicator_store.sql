-- indicator: the store of person indicators kept current on write.
--
-- Counting unique persons over millions of presences at every request is too slow at the project's scale
-- (docs/benchmarks.md). The store keeps, per participant record, the facts that make it count ("hits", reduced to
-- the quarter and to the activity's action and type), a copy of the record's breakdown attributes, and the counts
-- of every period (quarters, years, project to date), network and breakdown. The owners' change feeds
-- (participant_fact_change, activity_fact_change) say which persons to bring up to date: their old contribution
-- to the counts is taken away and the new one added, in one transaction, before any read of the counts
-- (IndicatorStore). The reviewed computations of IndicatorEngine stay the definition: the store applies them to
-- the persons that changed, and tests check that both give the same values.

create table indicator_store_state (
    id          smallint    primary key check (id = 1),
    fingerprint text        not null,
    built_at    timestamptz not null
);

-- the breakdown attributes of a participant record as last counted
create table indicator_person_record (
    participant_id uuid    primary key,
    person_id      uuid    not null,
    network_code   text    not null,
    province_code  text,
    comune_istat   text,
    sex            text,
    birth_year     integer,
    citizenship    text,
    vulnerable     boolean not null
);
create index indicator_person_record_person_idx on indicator_person_record (person_id);

-- what makes a record count, by quarter: amount is null for a person indicator; for an indicator of contacts it
-- is the number of presences, and network_code the activity's network
create table indicator_hit (
    code           text    not null,
    participant_id uuid    not null,
    quarter        date    not null,
    action         text    not null,
    type_code      text    not null,
    network_code   text,
    amount         bigint
);
create index indicator_hit_participant_idx on indicator_hit (participant_id);

-- the counts: network '' is the project, dimension '' the total (key ''); ages are kept by birth year (dimension
-- BIRTH_YEAR) and grouped into the configured bands when read
create table indicator_cell (
    period    text   not null,
    code      text   not null,
    network   text   not null,
    dimension text   not null,
    key       text   not null,
    value     bigint not null,
    primary key (period, code, network, dimension, key)
);
