-- cooperation: referrals of a participant from one organisation to another, consent-checked, with their
-- status flow (sent -> taken in charge -> closed, or declined), and the fact view of the cooperation metrics.
--
-- Privacy: the referral names the sending network's participant record by its pseudonymous id only. What the
-- receiving side may see besides it is copied at sending time as pseudonymous attributes (age band, sex,
-- citizenship, Italian level) with the project-wide pseudonymous person id, which lets the receiving network find
-- its own record of the person; names and contacts stay in the participant vault and are read from there, audited,
-- only when the consent recorded here covers them.
-- A participant row is never deleted (erasure keeps it): the cascade only keeps a referral from outliving it.

create table cooperation_referral (
    id                    bigserial   primary key,
    participant_id        uuid        not null references participant on delete cascade,
    person_id             uuid        not null,
    from_network_code     text        not null references partnership_network (code),
    from_organisation_id  bigint      not null references partnership_organisation,
    to_network_code       text        not null references partnership_network (code),
    to_organisation_id    bigint      not null references partnership_organisation,
    service               text        not null,
    note                  text        check (length(note) <= 500),
    consent_on            date        not null,
    consent_notice        text        not null check (length(consent_notice) between 1 and 200),
    sharing               text        not null check (sharing in ('PROFILE', 'CONTACTS', 'REGISTRATION')),
    age_band              text        not null,
    sex                   text        not null,
    citizenship           text        not null,
    italian_level         text,
    status                text        not null default 'SENT'
                                      check (status in ('SENT', 'TAKEN_IN_CHARGE', 'CLOSED', 'DECLINED')),
    sent_at               timestamptz not null default now(),
    sent_by               text        not null,
    taken_at              timestamptz,
    taken_by              text,
    closed_at             timestamptz,
    closed_by             text,
    outcome               text,
    closing_note          text        check (length(closing_note) <= 500),
    version               int         not null default 0,
    check (from_organisation_id <> to_organisation_id),
    check (case status
        when 'SENT' then taken_at is null and closed_at is null
        when 'TAKEN_IN_CHARGE' then taken_at is not null and closed_at is null
        when 'CLOSED' then taken_at is not null and closed_at is not null and outcome is not null
        else taken_at is null and closed_at is not null and closing_note is not null end)
);

create index cooperation_referral_from on cooperation_referral (from_network_code, sent_at desc);
create index cooperation_referral_to on cooperation_referral (to_network_code, sent_at desc);
create index cooperation_referral_participant on cooperation_referral (participant_id);

-- one row per referral, dates in Italian time; no personal data
create view cooperation_fact_referral as
select id as referral_id, from_organisation_id, to_organisation_id, from_network_code, to_network_code,
       (sent_at at time zone 'Europe/Rome')::date as sent_on,
       (taken_at at time zone 'Europe/Rome')::date as taken_on,
       (closed_at at time zone 'Europe/Rome')::date as closed_on,
       status
from cooperation_referral;
