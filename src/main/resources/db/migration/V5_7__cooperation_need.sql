-- cooperation: needs and proposals from the territory (fabbisogni e proposte) and the network's response.
-- Foreign keys point down the module graph only (partnership, territory).

create table cooperation_need (
    id                        bigint generated always as identity primary key,
    network_code              text        not null references partnership_network (code),
    theme                     text        not null check (theme in ('HOUSING', 'WORK', 'LANGUAGE', 'SCHOOLING',
                                              'HEALTH', 'DOCUMENTS', 'DISCRIMINATION', 'PARTICIPATION', 'OTHER')),
    comune_istat              char(6)     references territory_comune,
    raised_by_organisation_id bigint      references partnership_organisation (id),
    raised_by_kind            text        check (raised_by_kind in ('OPERATOR', 'LOCAL_AUTHORITY', 'THIRD_SECTOR',
                                              'MIGRANT_ASSOCIATION', 'NEW_GENERATION_ASSOCIATION', 'SCHOOL',
                                              'JOB_CENTRE', 'HEALTH_SERVICE', 'CITIZEN', 'OTHER')),
    raised_on                 date        not null,
    description               text        not null check (length(trim(description)) between 10 and 4000),
    evidence                  text        check (evidence is null or length(evidence) <= 4000),
    evidence_link             text        check (evidence_link is null or evidence_link ~ '^https?://'),
    status                    text        not null default 'NEW' check (status in ('NEW', 'UNDER_REVIEW', 'TAKEN_UP',
                                              'ANSWERED', 'NOT_PURSUED')),
    response                  text        check (response is null or length(response) <= 4000),
    created_by                text        not null,
    created_at                timestamptz not null default now(),
    status_changed_at         timestamptz not null default now(),
    version                   integer     not null default 0,
    check (raised_by_organisation_id is not null or raised_by_kind is not null)
);
create index cooperation_need_network_raised on cooperation_need (network_code, raised_on);
create index cooperation_need_raised_theme on cooperation_need (raised_on, theme);

-- Every status the need went through, dated, with the response given then.
create table cooperation_need_status_change (
    id         bigint generated always as identity primary key,
    need_id    bigint      not null references cooperation_need (id) on delete cascade,
    status     text        not null,
    response   text,
    changed_by text        not null,
    changed_at timestamptz not null default now()
);
create index cooperation_need_status_change_need on cooperation_need_status_change (need_id, id);
