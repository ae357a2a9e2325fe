-- cooperation: agreements between organisations (protocols of understanding, co-design agreements, service
-- agreements), their parties and their signed document, and the fact view the cooperation metrics read.

create table cooperation_agreement (
    id            bigserial   primary key,
    kind          text        not null check (kind in ('PROTOCOL', 'CO_DESIGN', 'SERVICE')),
    title         text        not null check (length(title) between 3 and 200),
    network_code  text        references partnership_network (code),
    signed_on     date        not null,
    valid_from    date        not null,
    valid_to      date,
    scope         text        check (length(scope) <= 4000),
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int         not null default 0,
    check (valid_to is null or valid_to >= valid_from)
);

create index cooperation_agreement_network on cooperation_agreement (network_code);

-- two or more organisations sign an agreement
create table cooperation_agreement_party (
    agreement_id     bigint not null references cooperation_agreement on delete cascade,
    organisation_id  bigint not null references partnership_organisation,
    primary key (agreement_id, organisation_id)
);

create index cooperation_agreement_party_organisation on cooperation_agreement_party (organisation_id);

-- the signed document, on its own so that lists never read the bytes; the content type is the one the bytes
-- show (PDF, ODT or DOCX), not the one the browser sent
create table cooperation_agreement_document (
    agreement_id  bigint      primary key references cooperation_agreement on delete cascade,
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    int         not null,
    sha256        text        not null,
    content       bytea       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null default now()
);

-- one row per party of an agreement; network_code null = a project-wide agreement
create view cooperation_fact_agreement as
select a.id as agreement_id, a.kind, a.network_code, p.organisation_id, a.valid_from, a.valid_to
from cooperation_agreement a join cooperation_agreement_party p on p.agreement_id = a.id;
