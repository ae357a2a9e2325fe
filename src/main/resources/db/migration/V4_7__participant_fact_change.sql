-- participant: a change feed for the statistics kept current on write (the indicator module's store).
--
-- The registry's own triggers note, in the same transaction as the change, the pseudonymous person whose facts
-- changed: a participant row (attributes, person, network), an enrolment, a presence, an assessment, an outcome or
-- a survey answer. The feed is published like the fact views: its one reader, the indicator module, takes
-- (deletes) the persons it has brought up to date. One row per person, whatever the number of changes.

create table participant_fact_change (
    person_id uuid primary key
);

create function participant_fact_change_participant() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into participant_fact_change select distinct person_id from old_rows on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into participant_fact_change select distinct person_id from new_rows on conflict do nothing;
    end if;
    return null;
end $$;

-- rows carrying participant_id: enrolments, assessments, outcomes, survey answers
create function participant_fact_change_by_participant() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into participant_fact_change
        select distinct p.person_id from old_rows r join participant p on p.id = r.participant_id
        on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into participant_fact_change
        select distinct p.person_id from new_rows r join participant p on p.id = r.participant_id
        on conflict do nothing;
    end if;
    return null;
end $$;

create function participant_fact_change_attendance() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into participant_fact_change
        select distinct p.person_id from old_rows r join participant_enrolment e on e.id = r.enrolment_id
        join participant p on p.id = e.participant_id
        on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into participant_fact_change
        select distinct p.person_id from new_rows r join participant_enrolment e on e.id = r.enrolment_id
        join participant p on p.id = e.participant_id
        on conflict do nothing;
    end if;
    return null;
end $$;

-- statement-level triggers with transition tables: a whole class register is one insert, noted once
create trigger participant_fact_change_ins after insert on participant referencing new table as new_rows
    for each statement execute function participant_fact_change_participant();
create trigger participant_fact_change_upd after update on participant
    referencing old table as old_rows new table as new_rows
    for each statement execute function participant_fact_change_participant();
create trigger participant_fact_change_del after delete on participant referencing old table as old_rows
    for each statement execute function participant_fact_change_participant();

create trigger participant_fact_change_ins after insert on participant_attendance
    referencing new table as new_rows for each statement execute function participant_fact_change_attendance();
create trigger participant_fact_change_upd after update on participant_attendance
    referencing old table as old_rows new table as new_rows
    for each statement execute function participant_fact_change_attendance();
create trigger participant_fact_change_del after delete on participant_attendance
    referencing old table as old_rows for each statement execute function participant_fact_change_attendance();

do $$
declare
    t text;
begin
    foreach t in array array['participant_enrolment', 'participant_assessment', 'participant_outcome',
                             'participant_survey_answer'] loop
        execute format('create trigger participant_fact_change_ins after insert on %I referencing new table as'
            || ' new_rows for each statement execute function participant_fact_change_by_participant()', t);
        execute format('create trigger participant_fact_change_upd after update on %I referencing old table as'
            || ' old_rows new table as new_rows for each statement execute function'
            || ' participant_fact_change_by_participant()', t);
        execute format('create trigger participant_fact_change_del after delete on %I referencing old table as'
            || ' old_rows for each statement execute function participant_fact_change_by_participant()', t);
    end loop;
end $$;

-- bringing one person up to date reads their rows by participant
create index participant_outcome_participant_idx on participant_outcome (participant_id);
create index participant_survey_answer_participant_idx on participant_survey_answer (participant_id);
