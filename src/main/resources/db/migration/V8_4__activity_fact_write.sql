-- activity: a change feed of every write to the tables behind its fact views other than the participants'
-- (activities, their types and co-delivering organisations), for the statistics that count things rather than persons (the indicator module keeps
-- their values while nothing they read has changed: docs/architecture.md, "Things and cooperation indicators kept
-- while their facts are unchanged"). A statement-level trigger notes, in the same transaction as the write, the
-- writing transaction (one row per transaction: concurrent writers never wait for each other here); the indicator
-- module takes (deletes) the rows and moves its generation on. Every path is caught — screens, API, imports, bulk
-- loads with COPY, corrections in SQL, truncation.

create table activity_fact_write (
    txid bigint primary key
);

create function activity_fact_write() returns trigger language plpgsql as $$
begin
    insert into activity_fact_write values (txid_current()) on conflict do nothing;
    return null;
end $$;

create trigger activity_activity_fact_write after insert or update or delete or truncate on activity_activity
    for each statement execute function activity_fact_write();
create trigger activity_type_fact_write after insert or update or delete or truncate on activity_type
    for each statement execute function activity_fact_write();
create trigger activity_organisation_fact_write after insert or update or delete or truncate on activity_organisation
    for each statement execute function activity_fact_write();
