-- An entry drafted from a registry activity remembers it, so that the same activity is published once (issue 6:
-- "activities from the registry can be published as events with one action, no double entry"). The activity
-- belongs to the activity module: an id, no foreign key across modules.
alter table directory_entry add column activity_id bigint;
create unique index directory_entry_activity on directory_entry (activity_id) where activity_id is not null;
