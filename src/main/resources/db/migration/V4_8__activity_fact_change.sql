-- activity: a change feed for the statistics kept current on write (the indicator module's store).
--
-- What a participant's indicator facts take from an activity: its network, its type (and so its action and what
-- it counts for) and its sessions' dates. The activity module's triggers note, in the same transaction as the
-- change, the activities whose such facts changed; the indicator module takes (deletes) them once it has brought
-- their participants up to date.

create table activity_fact_change (
    activity_id bigint primary key
);

create function activity_fact_change_activity() returns trigger language plpgsql as $$
begin
    insert into activity_fact_change
    select n.id from new_rows n join old_rows o on o.id = n.id
    where n.type_code is distinct from o.type_code or n.network_code is distinct from o.network_code
    on conflict do nothing;
    return null;
end $$;

create function activity_fact_change_session() returns trigger language plpgsql as $$
begin
    insert into activity_fact_change
    select distinct n.activity_id from new_rows n join old_rows o on o.id = n.id
    where n.session_date is distinct from o.session_date or n.activity_id is distinct from o.activity_id
    on conflict do nothing;
    return null;
end $$;

create function activity_fact_change_type() returns trigger language plpgsql as $$
begin
    insert into activity_fact_change
    select a.id from new_rows n join old_rows o on o.code = n.code join activity_activity a on a.type_code = n.code
    where n.action is distinct from o.action or n.counts_for is distinct from o.counts_for
    on conflict do nothing;
    return null;
end $$;

create trigger activity_fact_change_upd after update on activity_activity
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_fact_change_activity();
create trigger activity_fact_change_upd after update on activity_session
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_fact_change_session();
create trigger activity_fact_change_upd after update on activity_type
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_fact_change_type();

