-- indicator: a generation number of the store, raised in the same transaction as every change of its counts (a
-- refresh that brought persons up to date, or a rebuild), so that readers can keep what they computed from the
-- store (the API's answers) for as long as the generation stays the same.

alter table indicator_store_state add column generation bigint not null default 0;
