-- audit: append-only trail of changes, reads of personal data and logins.

create table audit_event (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    actor        text        not null,
    action       text        not null,
    record_type  text,
    record_id    text,
    details      jsonb,
    ip           inet,
    user_agent   text
);

create index audit_event_at_idx on audit_event (at);
create index audit_event_actor_idx on audit_event (actor, id);
create index audit_event_record_idx on audit_event (record_type, record_id);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end $$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
