-- participant: the registry of participants. The pseudonymous rows (participant) hold only what the
-- indicators need; personal data lives encrypted in participant_vault; keyed hashes in participant_identity
-- and participant_near_key let networks recognise a person without sharing personal data.
-- Networks are referenced by their code, the key the partnership module's public face uses everywhere.

create table participant_privacy_notice (
    version       integer     not null check (version > 0),
    language      text        not null check (language in ('it', 'en')),
    body          text        not null check (length(trim(body)) > 0),
    published_at  timestamptz not null default now(),
    published_by  text        not null,
    primary key (version, language)
);

create table participant (
    id                     uuid        primary key,
    person_id              uuid        not null,
    network_code           text        not null references partnership_network (code),
    organisation_id        bigint      not null references partnership_organisation,
    registered_at          timestamptz not null default now(),
    registered_by          text        not null,
    first_contact_date     date        not null,
    sex                    char(1)     not null check (sex in ('F', 'M', 'X')),
    birth_year             smallint    not null check (birth_year between 1900 and 2100),
    citizenship            char(2)     not null check (citizenship ~ '^[A-Z]{2}$'),
    residence_istat        char(6)     not null references territory_comune,
    consent_notice_version integer     not null,
    consent_at             timestamptz not null,
    version                integer     not null default 0,
    updated_at             timestamptz not null default now(),
    erased_at              timestamptz,
    erasure_reason         text        check (erasure_reason in ('REQUEST', 'RETENTION')),
    check ((erased_at is null) = (erasure_reason is null))
);

create index participant_network_idx on participant (network_code, registered_at desc);
create index participant_person_idx on participant (person_id);

-- One row per participant until erasure; erasure deletes the row (wrapped key and every sealed field).
create table participant_vault (
    participant_id  uuid  primary key references participant,
    key_id          text  not null,
    wrapped_key     bytea not null,
    surname         bytea not null,
    given_names     bytea not null,
    birth_date      bytea not null,
    birth_country   bytea not null,
    tax_code        bytea,
    phone           bytea,
    email           bytea,
    vulnerabilities bytea,
    permit_type     bytea,
    permit_expiry   bytea
);

create index participant_vault_key_idx on participant_vault (key_id);

-- Keyed hash of an identity -> the project-wide person it belongs to.
create table participant_identity (
    hash        bytea       primary key check (length(hash) = 32),
    kind        text        not null check (kind in ('CODE', 'NAME_DOB_SEX_COUNTRY')),
    person_id   uuid        not null,
    created_at  timestamptz not null default now()
);

create index participant_identity_person_idx on participant_identity (person_id);

-- Reduced identities (names in either order, one letter deleted) for near-match candidates.
create table participant_near_key (
    key             bigint not null,
    participant_id  uuid   not null references participant on delete cascade,
    primary key (key, participant_id)
);

create index participant_near_key_participant_idx on participant_near_key (participant_id);

create table participant_match_review (
    id              bigint      generated always as identity primary key,
    participant_id  uuid        not null references participant,
    candidate_id    uuid        not null references participant,
    reason          text        not null check (reason in ('SIMILAR_NAMES', 'DIFFERENT_CODE')),
    status          text        not null default 'OPEN' check (status in ('OPEN', 'MERGED', 'DISTINCT')),
    created_at      timestamptz not null default now(),
    decided_by      text,
    decided_at      timestamptz,
    version         integer     not null default 0,
    check (participant_id <> candidate_id),
    check ((status = 'OPEN') = (decided_at is null))
);

create unique index participant_match_review_pair_uq on participant_match_review (participant_id, candidate_id);
create index participant_match_review_open_idx on participant_match_review (created_at) where status = 'OPEN';
create index participant_match_review_candidate_idx on participant_match_review (candidate_id);
