-- partnership: a change feed of every write to the tables behind its fact views other than the participants'
-- (organisations and their kinds, networks and their leads, membership, coverage), for the statistics that count things rather than persons (the indicator module keeps
-- their values while nothing they read has changed: docs/architecture.md, "Things and cooperation indicators kept
-- while their facts are unchanged"). A statement-level trigger notes, in the same transaction as the write, the
-- writing transaction (one row per transaction: concurrent writers never wait for each other here); the indicator
-- module takes (deletes) the rows and moves its generation on. Every path is caught — screens, API, imports, bulk
-- loads with COPY, corrections in SQL, truncation.

create table partnership_fact_write (
    txid bigint primary key
);

create function partnership_fact_write() returns trigger language plpgsql as $$
begin
    insert into partnership_fact_write values (txid_current()) on conflict do nothing;
    return null;
end $$;

create trigger partnership_organisation_fact_write after insert or update or delete or truncate on partnership_organisation
    for each statement execute function partnership_fact_write();
create trigger partnership_network_fact_write after insert or update or delete or truncate on partnership_network
    for each statement execute function partnership_fact_write();
create trigger partnership_membership_fact_write after insert or update or delete or truncate on partnership_membership
    for each statement execute function partnership_fact_write();
create trigger partnership_network_comune_fact_write after insert or update or delete or truncate on partnership_network_comune
    for each statement execute function partnership_fact_write();
