-- partnership: a generation number raised in the same transaction as every change of the networks, their coverage,
-- their memberships and the organisations (statement triggers: screens, uploads, bulk loads, SQL by hand alike), so
-- that readers may keep what they computed from these tables (the API's list of networks) while it stays the same.
-- A reader reads the generation before the tables: an answer computed during a change is kept under the generation
-- before it, which the change's commit makes stale. The triggers fire before each statement: a writer takes the
-- state row's lock before any row of the statement, so two writers wait for each other in one order and never
-- deadlock (one changing organisation A then B, the other B then A, would with triggers after the statement).

create table partnership_state (
    id          boolean primary key default true check (id),
    generation  bigint  not null
);
insert into partnership_state (id, generation) values (true, 0);

create function partnership_state_raise() returns trigger language plpgsql as $$
begin
    update partnership_state set generation = generation + 1;
    return null;
end
$$;

create trigger partnership_network_changed before insert or update or delete or truncate on partnership_network
    for each statement execute function partnership_state_raise();
create trigger partnership_network_comune_changed
    before insert or update or delete or truncate on partnership_network_comune
    for each statement execute function partnership_state_raise();
create trigger partnership_membership_changed before insert or update or delete or truncate on partnership_membership
    for each statement execute function partnership_state_raise();
create trigger partnership_organisation_changed
    before insert or update or delete or truncate on partnership_organisation
    for each statement execute function partnership_state_raise();
