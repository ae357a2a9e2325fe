-- Synthetic data for the indicator benchmark (bench/indicators.sh). Fills the real schema, after Flyway, with a
-- deterministic data set: the same settings give the same rows (setseed, one process: the generator switches
-- parallel query off so that random() is drawn in the same order every time).
--
-- Settings, read with current_setting() (set them in the session before running; the harness does):
--   bench.participants  number of participant rows (1000000 at full size); everything else scales with it:
--                       activities = 6.5% of it, about 0.7 sessions, 2.5 enrolments and 10 attendance rows each
--   bench.today         the "as of" day for activity and enrolment states (fixed, so the data does not depend on
--                       the day it is generated)
--
-- Everything generated is synthetic: organisations are named "[SINTETICO] ..." and flagged demo = true, activities
-- are flagged demo = true, participants are registered by 'bench'. Participants have no vault row (the indicators
-- never read the vault; participant_vault references participant, not the reverse).
--
-- The file is split into steps at the "-- step:" lines; the harness runs the steps in one transaction and prints
-- the time of each. Runs with psql too: begin; set local bench.participants = '10000'; set local bench.today =
-- '2026-11-26'; \i bench/sql/generate.sql; commit; vacuum (analyze);

-- step: session settings
-- (the harness also raises max_wal_size for the load and puts it back afterwards: fewer checkpoints, fewer full-page
-- images while the indexes fill)
set local max_parallel_workers_per_gather = 0;
set local synchronous_commit = off;
set local work_mem = '256MB';
set local maintenance_work_mem = '512MB';
select setseed(0.4242);

-- step: parameters
create temp table bench_param on commit drop as
select current_setting('bench.participants')::int as participants,
       greatest(130, round(current_setting('bench.participants')::int * 0.065))::int as activities,
       current_setting('bench.today')::date as today,
       date '2024-01-01' as first_day,
       date '2026-11-30' as last_day;

-- Activity types: share of the activities, sessions per activity, days between sessions, hours per session,
-- mean enrolments per activity, and how an enrolled person attends (ALL sessions, or a FEW desk openings).
create temp table bench_type on commit drop as
select code, share, sessions, gap, hours, enrol, mode,
       coalesce(sum(share) over (order by ord rows between unbounded preceding and 1 preceding), 0) as lo,
       sum(share) over (order by ord) as hi
from (values
    (1, 'ITALIAN_L2', 0.14, 26, 7, 2.0, 18, 'ALL'),
    (2, 'DIGITAL_SKILLS', 0.08, 10, 7, 2.5, 14, 'ALL'),
    (3, 'CIVIC_ORIENTATION', 0.08, 6, 7, 2.0, 22, 'ALL'),
    (4, 'PROFESSIONAL_GUIDANCE', 0.08, 4, 14, 1.0, 10, 'ALL'),
    (5, 'SKILLS_ASSESSMENT', 0.06, 3, 7, 1.5, 10, 'ALL'),
    (6, 'SCHOOL_TO_WORK', 0.05, 16, 7, 3.0, 12, 'ALL'),
    (7, 'INFO_DESK', 0.08, 48, 7, 3.0, 180, 'FEW'),
    (8, 'INFO_SESSION', 0.12, 1, 1, 2.0, 80, 'ALL'),
    (9, 'FAMILY_REUNIFICATION', 0.05, 3, 14, 1.0, 10, 'ALL'),
    (10, 'COMMUNITY_EVENT', 0.10, 2, 7, 3.0, 90, 'ALL'),
    (11, 'INTERCULTURAL_MEDIATION', 0.06, 10, 7, 1.5, 12, 'ALL'),
    (12, 'OPERATOR_TRAINING', 0.05, 4, 7, 4.0, 0, 'ALL'),
    (13, 'NETWORK_MEETING', 0.05, 1, 1, 2.0, 0, 'ALL')
) as t(ord, code, share, sessions, gap, hours, enrol, mode);

-- Networks by weight: Milano four sixteenths, every other network one sixteenth (bucket 0..15).
create temp table bench_bucket on commit drop as
with n as (
    select code, row_number() over (order by ordinal) - 1 as k
    from partnership_network where code <> 'milano'
)
select b as bucket, case when b < 4 then 'milano' else (select code from n where k = b - 4) end as network_code
from generate_series(0, 15) b;

-- step: comuni covered
-- Only when no network covers any comune yet.
-- The centre of each network is its lead's seat; where the reference data has no seat, a comune of the lead's
-- area (Treviglio, Como, Crema, Bollate, San Donato Milanese) or, for Acsi, a centre chosen for the synthetic data
-- only (Lodi). Each comune goes to its nearest centre; each network keeps its 60 nearest comuni (about 700 in all).
create temp table bench_centre on commit drop as
select n.code as network_code, coalesce(o.seat_istat, c.istat_code) as istat_code
from partnership_network n
join partnership_organisation o on o.id = n.lead_organisation_id
left join (values ('gera-dadda', 'Treviglio'), ('comasca-lariana', 'Como'), ('cremasca', 'Crema'),
                  ('acsi', 'Lodi'), ('comuni-insieme', 'Bollate'), ('sud-est-milano', 'San Donato Milanese'))
          as a(network_code, comune_name) on a.network_code = n.code
left join territory_comune c on c.name = a.comune_name;

insert into partnership_network_comune (istat_code, network_id, source)
select istat_code, network_id, 'DEMO'
from (
    select c.istat_code, n.id as network_id,
           row_number() over (partition by n.id order by d.dist, c.istat_code) as rn
    from territory_comune c
    cross join lateral (
        select bc.network_code,
               (c.centroid_lat - cc.centroid_lat) ^ 2
               + ((c.centroid_lon - cc.centroid_lon) * 0.68) ^ 2 as dist
        from bench_centre bc join territory_comune cc on cc.istat_code = bc.istat_code
        order by dist, bc.network_code limit 1
    ) d
    join partnership_network n on n.code = d.network_code
) ranked
where rn <= 60 and not exists (select 1 from partnership_network_comune);

create temp table bench_cov on commit drop as
select n.code as network_code, c.istat_code,
       row_number() over (partition by n.code order by c.istat_code) - 1 as rn
from partnership_network_comune c join partnership_network n on n.id = c.network_id;
create index on bench_cov (network_code, rn);
analyze bench_cov;
-- the counts in a table of their own, so that picks join on (network_code, rn) by equality
create temp table bench_cov_n on commit drop as
select network_code, count(*) as cnt from bench_cov group by network_code;
analyze bench_cov_n;

-- step: organisations and memberships
-- 24 organisations per network, of every kind but REGION (Regione Lombardia is the project lead), seated in one of
-- the network's comuni; one in ten is also a member of the next network.
insert into partnership_organisation (name, kind, seat_istat, demo)
select format('[SINTETICO] %s %s %s', initcap(replace(k.kind, '_', ' ')), tc.name, n.ordinal * 100 + j),
       k.kind, cv.istat_code, true
from partnership_network n
cross join generate_series(1, 24) j
join (select kind, row_number() over (order by kind) - 1 as k
      from unnest(array['LOCAL_AUTHORITY', 'MUNICIPALITIES_ASSOCIATION', 'THIRD_SECTOR', 'JOB_CENTRE',
                        'LABOUR_MARKET_OPERATOR', 'CPIA', 'SCHOOL', 'TRAINING_BODY', 'SOCIAL_PARTNER',
                        'MIGRANT_ASSOCIATION', 'NEW_GENERATION_ASSOCIATION', 'RESEARCH']) kind) k
  on k.k = (j - 1) % 12
join bench_cov_n cn on cn.network_code = n.code
join bench_cov cv on cv.network_code = n.code and cv.rn = (j * 7) % cn.cnt
join territory_comune tc on tc.istat_code = cv.istat_code
order by n.ordinal, j;

insert into partnership_membership (network_id, organisation_id, role, since)
select n.id, o.id, case when o.id % 3 = 0 then 'SUPPORTER' else 'PARTNER' end, date '2024-01-01'
from partnership_organisation o
join partnership_network n on n.ordinal = substring(o.name from '([0-9]+)$')::int / 100
where o.name like '[SINTETICO] %'
union all
select n2.id, o.id, 'SUPPORTER', date '2025-01-01'
from partnership_organisation o
join partnership_network n on n.ordinal = substring(o.name from '([0-9]+)$')::int / 100
join partnership_network n2 on n2.ordinal = n.ordinal % 13 + 1
where o.name like '[SINTETICO] %' and substring(o.name from '([0-9]+)$')::int % 10 = 0
on conflict do nothing;

create temp table bench_mem on commit drop as
select n.code as network_code, m.organisation_id,
       row_number() over (partition by n.code order by m.organisation_id) - 1 as rn
from partnership_membership m join partnership_network n on n.id = m.network_id;
create index on bench_mem (network_code, rn);
analyze bench_mem;
create temp table bench_mem_n on commit drop as
select network_code, count(*) as cnt from bench_mem group by network_code;
analyze bench_mem_n;

-- step: activities
-- Ids are given explicitly (then the identity sequences are moved past them) so that sessions and attendance can
-- be generated by arithmetic rather than by lookups.
create temp table bench_act on commit drop as
with r as materialized (
    select i, random() as r_net, random() as r_type, random() as r_start, random() as r_comune,
           random() as r_status, random() as r_enrol, random() as r_time
    from generate_series(1, (select activities from bench_param)) i
), a as (
    select r.*, b.network_code, t.code as type_code, t.sessions, t.gap, t.hours, t.enrol, t.mode,
           p.first_day + floor(r.r_start * ((p.last_day - p.first_day) - (t.sessions - 1) * t.gap + 1))::int
               as start_date
    from r
    cross join bench_param p
    join bench_bucket b on b.bucket = floor(r.r_net * 16)::int
    join bench_type t on r.r_type >= t.lo and r.r_type < t.hi
)
select (select coalesce(max(id), 0) from activity_activity) + a.i as activity_id,
       a.i, a.network_code, a.type_code, a.sessions, a.gap, a.hours, a.mode,
       a.start_date, a.start_date + (a.sessions - 1) * a.gap as end_date,
       cv.istat_code as comune_istat,
       case when a.r_status < 0.02 then 'CANCELLED'
            when a.start_date + (a.sessions - 1) * a.gap < p.today then 'COMPLETED'
            when a.start_date <= p.today then 'ONGOING'
            else 'PLANNED' end as status,
       case when a.r_status < 0.02 then 0 else round(a.enrol * (0.5 + a.r_enrol))::int end as enrolments,
       time '09:00' + floor(a.r_time * 10) * interval '1 hour' as start_time,
       0::bigint as first_session_id
from a
cross join bench_param p
join bench_cov_n cn on cn.network_code = a.network_code
join bench_cov cv on cv.network_code = a.network_code and cv.rn = floor(a.r_comune * cn.cnt)::int;

update bench_act a set first_session_id = s.base + s.before
from (select activity_id, (select coalesce(max(id), 0) from activity_session) + 1 as base,
             coalesce(sum(sessions) over (order by activity_id rows between unbounded preceding and 1 preceding), 0)
                 as before
      from bench_act) s
where s.activity_id = a.activity_id;
create unique index on bench_act (activity_id);
analyze bench_act;

insert into activity_activity (id, network_code, type_code, title, comune_istat, start_date, end_date, planned_hours,
                               languages, capacity, status, demo, created_at, updated_at)
overriding system value
select activity_id, network_code, type_code,
       format('[SINTETICO] %s %s', type_code, i), comune_istat, start_date, end_date, sessions * hours,
       '{it}', greatest(enrolments, 1) + 5, status, true, start_date - 30, start_date - 30
from bench_act order by activity_id;
select setval(pg_get_serial_sequence('activity_activity', 'id'), (select max(id) from activity_activity));

-- step: co-delivering organisations
-- One lead and up to two partners, members of the activity's network.
insert into activity_organisation (activity_id, organisation_id, lead)
with a as materialized (
    select activity_id, network_code, floor(random() * 1000)::int as base, floor(random() * 3)::int as extra
    from bench_act order by activity_id
)
select a.activity_id, m.organisation_id, k = 0
from a
cross join generate_series(0, 2) k
join bench_mem_n mn on mn.network_code = a.network_code
join bench_mem m on m.network_code = a.network_code and m.rn = (a.base + k * 7) % mn.cnt
where k <= a.extra
on conflict do nothing;

-- step: sessions
insert into activity_session (id, activity_id, session_date, start_time, end_time, hours, version)
overriding system value
select a.first_session_id + k, a.activity_id, a.start_date + k * a.gap, a.start_time,
       a.start_time + a.hours * interval '1 hour', a.hours, 0
from bench_act a cross join generate_series(0, a.sessions - 1) k
order by 1;
select setval(pg_get_serial_sequence('activity_session', 'id'), (select max(id) from activity_session));

-- step: participants
-- Participant i belongs to the network of bucket (7 i mod 16): Milano a quarter, the others a sixteenth each.
-- About 5% of persons are registered by two networks: participant rows past 95.238% of the total are the same
-- person as an earlier row (every twentieth), in another network (bucket + 5).
create temp table bench_part on commit drop as
with p as (
    select i,
           (select round(participants / 1.05)::int from bench_param) as persons
    from generate_series(1, (select participants from bench_param)) i
)
select i,
       md5('bench-participant-' || i)::uuid as participant_id,
       md5('bench-person-' || case when i <= persons then i else (i - persons) * 20 end)::uuid as person_id,
       case when i <= persons then (7 * i) % 16 else ((7 * ((i - persons) * 20)) % 16 + 5) % 16 end as bucket
from p;
create unique index on bench_part (i);
analyze bench_part;

insert into participant (id, person_id, network_code, organisation_id, registered_at, registered_by,
                         first_contact_date, sex, birth_year, citizenship, residence_istat, consent_notice_version,
                         consent_at, updated_at, vulnerable, erased_at, erasure_reason)
with r as materialized (
    select i, date '2024-01-01' + floor(random() * 1060)::int as first_contact, random() as r_sex,
           random() as r_age1, random() as r_age2, random() as r_cit, random() as r_res, random() as r_org,
           random() as r_vuln, random() as r_erase
    from generate_series(1, (select participants from bench_param)) i
)
select bp.participant_id, bp.person_id, b.network_code, m.organisation_id,
       r.first_contact + time '10:00', 'bench', r.first_contact,
       case when r.r_sex < 0.52 then 'F' when r.r_sex < 0.995 then 'M' else 'X' end,
       2026 - (14 + floor(r.r_age1 * 30 + r.r_age2 * 28))::int,
       cz.code, cv.istat_code, 1, r.first_contact + time '10:00', r.first_contact + time '10:00',
       r.r_vuln < 0.08,
       case when r.r_erase < 0.001 then timestamptz '2026-06-01 12:00' end,
       case when r.r_erase < 0.001 then 'REQUEST' end
from r
join bench_part bp on bp.i = r.i
join bench_bucket b on b.bucket = bp.bucket
join bench_cov_n cn on cn.network_code = b.network_code
join bench_cov cv on cv.network_code = b.network_code and cv.rn = floor(r.r_res * cn.cnt)::int
join bench_mem_n mn on mn.network_code = b.network_code
join bench_mem m on m.network_code = b.network_code and m.rn = floor(r.r_org * mn.cnt)::int
join (select code, coalesce(sum(w) over (order by ord rows between unbounded preceding and 1 preceding), 0) / 100.0
                 as lo, sum(w) over (order by ord) / 100.0 as hi
      from (values (1, 'MA', 12), (2, 'AL', 10), (3, 'EG', 10), (4, 'CN', 7), (5, 'UA', 7), (6, 'IN', 6),
                   (7, 'PH', 6), (8, 'PK', 6), (9, 'SN', 5), (10, 'PE', 5), (11, 'EC', 4), (12, 'BD', 5),
                   (13, 'LK', 4), (14, 'NG', 3), (15, 'TN', 3), (16, 'MD', 3), (17, 'GH', 1), (18, 'BR', 1),
                   (19, 'CI', 1), (20, 'IT', 1)) c(ord, code, w)) cz
  on r.r_cit >= cz.lo and r.r_cit < cz.hi
order by r.i;

create temp table bench_pidx on commit drop as
select b.network_code, bp.participant_id,
       row_number() over (partition by b.network_code order by bp.i) - 1 as rn
from bench_part bp join bench_bucket b on b.bucket = bp.bucket;
create index on bench_pidx (network_code, rn);
analyze bench_pidx;
create temp table bench_pidx_n on commit drop as
select network_code, count(*) as cnt from bench_pidx group by network_code;
analyze bench_pidx_n;

-- step: enrolments
-- Each activity enrols participants of its own network, picked at random (a pick that repeats is dropped).
-- Ended activities: 6% withdrawn, 75% completed, the rest still attending; running: 5% withdrawn; planned: enrolled.
create temp table bench_enr on commit drop as
with acts as materialized (
    select a.activity_id, a.network_code, a.enrolments, pn.cnt
    from bench_act a join bench_pidx_n pn on pn.network_code = a.network_code
    order by a.activity_id
), picks as materialized (
    select a.activity_id, a.network_code, j, floor(random() * a.cnt)::int as rn, random() as r_status,
           random() as r_days, random() as r_desk
    from acts a cross join generate_series(1, a.enrolments) j
), chosen as (
    select distinct on (px.participant_id, pk.activity_id)
           px.participant_id, pk.activity_id, pk.j, pk.r_status, pk.r_days, pk.r_desk
    from picks pk
    join bench_pidx px on px.network_code = pk.network_code and px.rn = pk.rn
    order by px.participant_id, pk.activity_id, pk.j
)
select row_number() over (order by c.activity_id, c.j) + (select coalesce(max(id), 0) from participant_enrolment)
           as enrolment_id,
       c.participant_id, c.activity_id, a.status as activity_status, a.mode, a.sessions,
       case when a.mode = 'FEW' then floor(c.r_desk * a.sessions)::int else 0 end as first_session,
       case when a.status = 'COMPLETED' and c.r_status < 0.06 then 'WITHDRAWN'
            when a.status = 'COMPLETED' and c.r_status < 0.81 then 'COMPLETED'
            when a.status = 'COMPLETED' then 'ATTENDING'
            when a.status = 'ONGOING' and c.r_status < 0.05 then 'WITHDRAWN'
            when a.status = 'ONGOING' then 'ATTENDING'
            else 'ENROLLED' end as status,
       a.start_date, a.end_date, a.gap, c.r_days
from chosen c join bench_act a on a.activity_id = c.activity_id
order by enrolment_id;
analyze bench_enr;

insert into participant_enrolment (id, participant_id, activity_id, status, withdrawal_reason, enrolled_on, ended_on,
                                   created_by, created_at, updated_at)
overriding system value
select enrolment_id, participant_id, activity_id, status,
       case when status = 'WITHDRAWN' then 'Trasferimento in altro comune' end,
       enrolled_on,
       case status when 'COMPLETED' then end_date
                   when 'WITHDRAWN' then greatest(enrolled_on, start_date + (end_date - start_date) / 2) end,
       'bench', enrolled_on + time '10:00', enrolled_on + time '10:00'
from (select e.*, case when mode = 'FEW' then start_date + first_session * gap
                       else start_date - floor(r_days * 14)::int end as enrolled_on
      from bench_enr e) e
order by enrolment_id;
select setval(pg_get_serial_sequence('participant_enrolment', 'id'), (select max(id) from participant_enrolment));

-- step: attendance
-- Courses: every session up to today (a withdrawn person the first half); desks: one to four openings from the one
-- the person came to. Present 85% of the time (a hash of enrolment and session, evaluated once per row), with the
-- session's hours; absent with 0 hours.
insert into participant_attendance (enrolment_id, session_id, present, hours, recorded_by, recorded_at)
select e.enrolment_id, a.first_session_id + k, pr.present, case when pr.present then a.hours else 0 end, 'bench',
       a.start_date + k * a.gap + time '20:00'
from bench_enr e
join bench_act a on a.activity_id = e.activity_id
cross join lateral generate_series(
    e.first_session,
    least(a.sessions - 1,
          case when e.mode = 'FEW' then e.first_session + floor(e.r_days * 4)::int
               when e.status = 'WITHDRAWN' then (a.sessions - 1) / 2
               else a.sessions - 1 end,
          floor(((select today from bench_param) - a.start_date)::numeric / a.gap)::int)) k
cross join lateral (select abs(hashint8(e.enrolment_id * 64 + k)::bigint) % 100 < 85 as present) pr
where e.activity_status in ('COMPLETED', 'ONGOING');

-- step: assessments
-- Italian L2 and DigComp: an entry assessment for 65% of the course's enrolled persons, and an exit for those who
-- completed it, zero to two levels up (sometimes a certification). Some DigComp rows are per area (not overall).
insert into participant_assessment (participant_id, kind, phase, assessed_on, language_level, digcomp_level,
                                    digcomp_area, instrument, certification_body, activity_id, recorded_by, recorded_at)
select participant_id, kind, phase, assessed_on,
       case when kind = 'ITALIAN_L2' then (array['PRE_ALPHA', 'ALPHA', 'PRE_A1', 'A1', 'A2', 'B1', 'B2', 'C1',
                                                 'C2'])[lvl] end,
       case when kind = 'DIGCOMP' then lvl end,
       case when kind = 'DIGCOMP' and area then 'SAFETY' end,
       case when cert then 'CERTIFICATION' else 'PLACEMENT_TEST' end,
       case when cert then 'CILS' end,
       activity_id, 'bench', assessed_on + time '12:00'
from (
    with e as materialized (
        select e.*, random() as r_take, random() as r_cert, random() as r_area,
               case a.type_code when 'ITALIAN_L2' then 1 + floor(random() * 6)::int
                                else 1 + floor(random() * 5)::int end as entry_level,
               case when random() < 0.3 then 0 when random() < 0.75 then 1 else 2 end as gain,
               a.type_code
        from bench_enr e join bench_act a on a.activity_id = e.activity_id
        where a.type_code in ('ITALIAN_L2', 'DIGITAL_SKILLS') and e.status <> 'ENROLLED'
        order by e.enrolment_id
    )
    select e.participant_id, x.kind, x.phase, x.assessed_on, e.activity_id, x.area,
           x.phase = 'EXIT' and x.kind = 'ITALIAN_L2' and e.r_cert < 0.1 as cert,
           least(x.top, case when x.phase = 'ENTRY' then e.entry_level
                             else e.entry_level + e.gain end) as lvl
    from e
    cross join lateral (values
        (case when e.type_code = 'ITALIAN_L2' then 'ITALIAN_L2' else 'DIGCOMP' end, 'ENTRY', e.start_date,
         case when e.type_code = 'ITALIAN_L2' then 9 else 8 end, false),
        (case when e.type_code = 'ITALIAN_L2' then 'ITALIAN_L2' else 'DIGCOMP' end, 'EXIT', e.end_date,
         case when e.type_code = 'ITALIAN_L2' then 9 else 8 end, false),
        ('DIGCOMP', 'EXIT', e.end_date, 8, true)
    ) as x(kind, phase, assessed_on, top, area)
    where e.r_take < 0.65
      and (x.phase = 'ENTRY' or e.status = 'COMPLETED')
      and (not x.area or (e.type_code = 'DIGITAL_SKILLS' and e.r_area < 0.1))
) s
order by participant_id, assessed_on;

-- step: outcomes
-- Guidance and family reunification from the activities; employment status at entry and exit of school-to-work
-- and guidance paths; qualification recognition (3%) and long-term residence (4%) applications of participants.
insert into participant_outcome (participant_id, type, occurred_on, phase, employment_status, activity_id,
                                 recorded_by, recorded_at)
select participant_id, type, occurred_on, phase, employment_status, activity_id, 'bench', occurred_on + time '12:00'
from (
    select e.participant_id, a.type_code as type, e.end_date as occurred_on, null as phase,
           null as employment_status, e.activity_id
    from bench_enr e join bench_act a on a.activity_id = e.activity_id
    where a.type_code in ('PROFESSIONAL_GUIDANCE', 'FAMILY_REUNIFICATION') and e.status = 'COMPLETED'
    union all
    select e.participant_id, 'EMPLOYMENT_STATUS', d.day, d.phase,
           (array['EMPLOYED', 'SELF_EMPLOYED', 'UNEMPLOYED_SEEKING', 'INACTIVE', 'IN_EDUCATION'])[
               1 + floor(random() * 5)::int], e.activity_id
    from bench_enr e join bench_act a on a.activity_id = e.activity_id
    cross join lateral (values ('ENTRY', e.start_date), ('EXIT', e.end_date)) d(phase, day)
    where a.type_code in ('SCHOOL_TO_WORK', 'PROFESSIONAL_GUIDANCE') and e.status = 'COMPLETED'
    union all
    select p.id, o.type,
           least(p.first_contact_date + 30 + (abs(hashtext(p.id::text || o.type)::bigint) % 300)::int,
                 (select today from bench_param)), null, null, null
    from participant p
    cross join (values ('QUALIFICATION_RECOGNITION', 0, 30), ('LONG_TERM_RESIDENCE', 30, 70)) o(type, lo, hi)
    where p.registered_by = 'bench' and abs(hashtext(p.id::text)::bigint) % 1000 >= o.lo
      and abs(hashtext(p.id::text)::bigint) % 1000 < o.hi
) s
on conflict do nothing;

-- step: survey answers
-- 35% of completed enrolments answer the end-of-activity survey: helpful yes 65%, partly 25%, no 10%.
insert into participant_survey_answer (participant_id, activity_id, helpful, content_useful, schedule_suitable,
                                       would_recommend, staff_understood, source, answered_at, entered_by)
select participant_id, activity_id,
       case when r_help < 0.65 then 'YES' when r_help < 0.90 then 'PARTLY' else 'NO' end,
       1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int,
       1 + floor(random() * 5)::int,
       case when r_src < 0.6 then 'LINK' else 'OPERATOR' end,
       least(end_date + floor(r_days * 10)::int, (select today from bench_param)) + time '18:00',
       case when r_src < 0.6 then null else 'bench' end
from (with e as materialized (
          select e.*, random() as r_take, random() as r_help, random() as r_src from bench_enr e
          where e.status = 'COMPLETED' order by e.enrolment_id)
      select * from e) e
where r_take < 0.35
order by enrolment_id;
