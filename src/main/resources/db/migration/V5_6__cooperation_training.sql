-- cooperation: training of operators — staff of partner organisations, not participants, kept apart from the
-- participant registry. Foreign keys point down the module graph only (partnership: networks, organisations).

create table cooperation_training (
    id                        bigint generated always as identity primary key,
    title                     text          not null check (length(trim(title)) between 3 and 200),
    theme                     text          not null check (theme in ('INTERCULTURAL_SKILLS', 'ANTI_DISCRIMINATION',
                                                'LEGAL_FRAMEWORK', 'MEDIATION', 'OTHER')),
    organiser_organisation_id bigint        not null references partnership_organisation (id),
    -- null: a project-wide training (managed by governance and coordination)
    network_code              text          references partnership_network (code),
    start_date                date          not null,
    end_date                  date          not null,
    hours                     numeric(6, 2) not null check (hours > 0),
    mode                      text          not null check (mode in ('IN_PERSON', 'ONLINE')),
    description               text,
    version                   integer       not null default 0,
    created_at                timestamptz   not null default now(),
    updated_at                timestamptz   not null default now(),
    check (end_date >= start_date)
);
create index cooperation_training_network_end on cooperation_training (network_code, end_date);

-- One row per person and organisation, so repeat attendance is recognised. identity_key is the normalised
-- "SURNAME|GIVEN NAME" (letters A-Z and single spaces); operator_key is random and is all the facts show.
-- Rows no attendance refers to any more are deleted (staff data kept no longer than needed).
create table cooperation_training_operator (
    id              bigint generated always as identity primary key,
    operator_key    uuid   not null unique default gen_random_uuid(),
    organisation_id bigint not null references partnership_organisation (id),
    identity_key    text   not null,
    surname         text   not null check (length(trim(surname)) between 1 and 100),
    given_name      text   not null check (length(trim(given_name)) between 1 and 100),
    unique (organisation_id, identity_key)
);

-- Attendance: hours attended and the optional self-assessment of intercultural competence, five statements on
-- a 1-5 scale, the same before (pre) and after (post); a phase is answered whole or not at all.
create table cooperation_training_attendance (
    id                bigint generated always as identity primary key,
    training_id       bigint        not null references cooperation_training (id) on delete cascade,
    operator_id       bigint        not null references cooperation_training_operator (id),
    -- the organisation's kind when the attendance was recorded
    organisation_kind text          not null,
    role              text          not null check (role in ('SOCIAL_WORKER', 'EDUCATOR', 'TEACHER',
                          'CULTURAL_MEDIATOR', 'FRONT_OFFICE', 'EMPLOYMENT_ADVISER', 'HEALTH_WORKER',
                          'PSYCHOLOGIST', 'LEGAL_ADVISER', 'SERVICE_MANAGER', 'VOLUNTEER', 'OTHER')),
    role_other        text          check (role_other is null or length(role_other) <= 100),
    hours_attended    numeric(6, 2) not null check (hours_attended >= 0),
    pre               smallint[]    check (pre is null or (cardinality(pre) = 5 and 1 <= all (pre) and 5 >= all (pre))),
    post              smallint[]    check (post is null or (cardinality(post) = 5 and 1 <= all (post) and 5 >= all (post))),
    unique (training_id, operator_id)
);
create index cooperation_training_attendance_operator on cooperation_training_attendance (operator_id);

-- Fact for the indicator "operators trained": one row per attendance, no names. An operator is trained in a
-- period when a training ending in it was attended for at least 70 % of its hours; persons are counted by
-- operator_key, so the same person in two trainings counts once.
create view cooperation_fact_operator_training as
select t.id as training_id, t.network_code, o.organisation_id, a.organisation_kind, o.operator_key, t.theme,
       t.end_date as ended_on, a.hours_attended, t.hours as hours_planned,
       a.hours_attended >= 0.70 * t.hours as trained
from cooperation_training_attendance a
join cooperation_training t on t.id = a.training_id
join cooperation_training_operator o on o.id = a.operator_id;
