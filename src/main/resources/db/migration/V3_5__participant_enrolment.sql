-- participant: enrolments of participants in activities, and their attendance session by session.
-- Foreign keys point down the module graph only (participant → activity). A session or an activity with
-- attendance cannot be deleted: attendance is evidence for the fund. "hours <= the session's hours" spans two
-- tables and is checked by the module (Enrolments) before writing.

create table participant_enrolment (
    id                bigint      generated always as identity primary key,
    participant_id    uuid        not null references participant,
    activity_id       bigint      not null references activity_activity,
    status            text        not null default 'ENROLLED'
                          check (status in ('ENROLLED', 'ATTENDING', 'COMPLETED', 'WITHDRAWN')),
    withdrawal_reason text        check (withdrawal_reason is null or length(trim(withdrawal_reason)) between 2 and 500),
    enrolled_on       date        not null,
    ended_on          date,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           integer     not null default 0,
    unique (participant_id, activity_id),
    check (ended_on is null or ended_on >= enrolled_on),
    check ((status = 'WITHDRAWN') = (withdrawal_reason is not null))
);

create index participant_enrolment_activity_idx on participant_enrolment (activity_id);

create table participant_attendance (
    enrolment_id bigint        not null references participant_enrolment on delete cascade,
    session_id   bigint        not null references activity_session,
    present      boolean       not null,
    hours        numeric(4, 2) not null check (hours >= 0 and hours <= 24),
    recorded_by  text          not null,
    recorded_at  timestamptz   not null default now(),
    primary key (enrolment_id, session_id),
    check (present or hours = 0)
);

create index participant_attendance_session_idx on participant_attendance (session_id);
