-- identity: users with a role and a scope, API tokens (stored hashed).

create table identity_user (
    id               bigint generated always as identity primary key,
    username         text    not null unique check (username ~ '^[a-z0-9._@-]{3,80}$'),
    display_name     text    not null,
    email            text,
    password_hash    text,
    role             text    not null check (role in ('OPERATOR', 'NETWORK_LEAD', 'COORDINATOR', 'GOVERNANCE',
                         'EVALUATOR', 'ADMIN')),
    scope_type       text    not null check (scope_type in ('ORGANISATION', 'NETWORK', 'PROJECT')),
    network_code     text,
    organisation_id  bigint,
    oidc_subject     text    unique,
    enabled          boolean not null default true,
    failed_attempts  integer not null default 0,
    locked_until     timestamptz,
    last_login_at    timestamptz,
    demo             boolean not null default false,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    check ((scope_type = 'PROJECT' and network_code is null and organisation_id is null)
        or (scope_type = 'NETWORK' and network_code is not null and organisation_id is null)
        or (scope_type = 'ORGANISATION' and network_code is not null and organisation_id is not null))
);

create unique index identity_user_email_uq on identity_user (lower(email));

create table identity_api_token (
    id            bigint generated always as identity primary key,
    user_id       bigint      not null references identity_user,
    name          text        not null check (length(trim(name)) between 1 and 100),
    token_hash    char(64)    not null unique,
    token_prefix  text        not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

create index identity_api_token_user_idx on identity_api_token (user_id);
