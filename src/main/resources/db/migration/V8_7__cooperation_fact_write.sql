-- cooperation: a change feed of every write to the tables behind its fact views other than the participants'
-- (governance bodies, meetings and their attendance, agreements and their parties, referrals, trainings and their attendance), for the statistics that count things rather than persons (the indicator module keeps
-- their values while nothing they read has changed: docs/architecture.md, "Things and cooperation indicators kept
-- while their facts are unchanged"). A statement-level trigger notes, in the same transaction as the write, the
-- writing transaction (one row per transaction: concurrent writers never wait for each other here); the indicator
-- module takes (deletes) the rows and moves its generation on. Every path is caught — screens, API, imports, bulk
-- loads with COPY, corrections in SQL, truncation.

create table cooperation_fact_write (
    txid bigint primary key
);

create function cooperation_fact_write() returns trigger language plpgsql as $$
begin
    insert into cooperation_fact_write values (txid_current()) on conflict do nothing;
    return null;
end $$;

create trigger cooperation_governance_body_fact_write after insert or update or delete or truncate on cooperation_governance_body
    for each statement execute function cooperation_fact_write();
create trigger cooperation_meeting_fact_write after insert or update or delete or truncate on cooperation_meeting
    for each statement execute function cooperation_fact_write();
create trigger cooperation_meeting_attendance_fact_write after insert or update or delete or truncate on cooperation_meeting_attendance
    for each statement execute function cooperation_fact_write();
create trigger cooperation_agreement_fact_write after insert or update or delete or truncate on cooperation_agreement
    for each statement execute function cooperation_fact_write();
create trigger cooperation_agreement_party_fact_write after insert or update or delete or truncate on cooperation_agreement_party
    for each statement execute function cooperation_fact_write();
create trigger cooperation_referral_fact_write after insert or update or delete or truncate on cooperation_referral
    for each statement execute function cooperation_fact_write();
create trigger cooperation_training_fact_write after insert or update or delete or truncate on cooperation_training
    for each statement execute function cooperation_fact_write();
create trigger cooperation_training_attendance_fact_write after insert or update or delete or truncate on cooperation_training_attendance
    for each statement execute function cooperation_fact_write();
create trigger cooperation_training_operator_fact_write after insert or update or delete or truncate on cooperation_training_operator
    for each statement execute function cooperation_fact_write();
