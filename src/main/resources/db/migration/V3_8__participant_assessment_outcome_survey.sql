-- participant: assessments of Italian L2 and DigComp levels, outcomes (indicators 3.3, 5, 10, 11 and employment
-- status), the end-of-activity feedback survey (indicator 9) and its one-time links. Activities are referenced by
-- id (the activity module owns them); rows follow the participant's pseudonymous id.

create table participant_assessment (
    id                        bigserial   primary key,
    participant_id            uuid        not null references participant (id) on delete cascade,
    kind                      text        not null check (kind in ('ITALIAN_L2', 'DIGCOMP')),
    phase                     text        not null check (phase in ('ENTRY', 'EXIT', 'FOLLOW_UP')),
    assessed_on               date        not null,
    language_level            text,
    digcomp_level             smallint,
    digcomp_area              text,
    instrument                text        not null
        check (instrument in ('PLACEMENT_TEST', 'CERTIFICATION', 'SELF_ASSESSMENT', 'OTHER')),
    certification_body        text        check (certification_body in ('CILS', 'CELI', 'PLIDA', 'CERT_IT', 'OTHER')),
    activity_id               bigint,
    assessor_organisation_id  bigint      references partnership_organisation (id),
    recorded_by               text        not null,
    recorded_at               timestamptz not null default now(),
    version                   int         not null default 0,
    constraint participant_assessment_italian check (kind <> 'ITALIAN_L2' or (digcomp_level is null
        and digcomp_area is null and language_level in ('PRE_ALPHA', 'ALPHA', 'PRE_A1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'))),
    constraint participant_assessment_digcomp check (kind <> 'DIGCOMP' or (language_level is null
        and digcomp_level between 1 and 8 and (digcomp_area is null or digcomp_area in ('INFORMATION_AND_DATA_LITERACY',
        'COMMUNICATION_AND_COLLABORATION', 'DIGITAL_CONTENT_CREATION', 'SAFETY', 'PROBLEM_SOLVING')))),
    constraint participant_assessment_certification check ((instrument = 'CERTIFICATION') = (certification_body is not null))
);
create index participant_assessment_participant_idx on participant_assessment (participant_id, kind, assessed_on);

create table participant_outcome (
    id                 bigserial   primary key,
    participant_id     uuid        not null references participant (id) on delete cascade,
    type               text        not null check (type in ('PROFESSIONAL_GUIDANCE', 'FAMILY_REUNIFICATION',
        'QUALIFICATION_RECOGNITION', 'LONG_TERM_RESIDENCE', 'EMPLOYMENT_STATUS')),
    occurred_on        date        not null,
    phase              text        check (phase in ('ENTRY', 'EXIT', 'FOLLOW_UP')),
    employment_status  text        check (employment_status in ('EMPLOYED', 'SELF_EMPLOYED', 'UNEMPLOYED_SEEKING',
        'INACTIVE', 'IN_EDUCATION')),
    activity_id        bigint,
    recorded_by        text        not null,
    recorded_at        timestamptz not null default now(),
    version            int         not null default 0,
    constraint participant_outcome_employment check ((type = 'EMPLOYMENT_STATUS')
        = (employment_status is not null and phase is not null)),
    constraint participant_outcome_once unique (participant_id, type, occurred_on)
);

-- A one-time link: only the SHA-256 of the token is kept; the activity's title is copied so that the public page
-- shows it without reading another module's data.
create table participant_survey_link (
    id              bigserial   primary key,
    participant_id  uuid        not null references participant (id) on delete cascade,
    activity_id     bigint      not null,
    activity_title  text        not null,
    language        text        not null check (language in ('it', 'en', 'fr', 'es', 'ar')),
    token_hash      bytea       not null unique check (length(token_hash) = 32),
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index participant_survey_link_participant_idx on participant_survey_link (participant_id);

-- One answer per participant and activity: a survey answered twice counts once.
create table participant_survey_answer (
    id                 bigserial   primary key,
    participant_id     uuid        not null references participant (id) on delete cascade,
    activity_id        bigint      not null,
    helpful            text        not null check (helpful in ('YES', 'PARTLY', 'NO')),
    content_useful     smallint    check (content_useful between 1 and 5),
    schedule_suitable  smallint    check (schedule_suitable between 1 and 5),
    would_recommend    smallint    check (would_recommend between 1 and 5),
    staff_understood   smallint    check (staff_understood between 1 and 5),
    source             text        not null check (source in ('OPERATOR', 'LINK')),
    answered_at        timestamptz not null default now(),
    entered_by         text,
    constraint participant_survey_answer_once unique (participant_id, activity_id)
);
