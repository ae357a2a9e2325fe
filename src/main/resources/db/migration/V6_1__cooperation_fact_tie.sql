-- cooperation: the ties between organisations, one row per piece of evidence (docs/architecture.md, "Cooperation
-- metrics"). Built only from published fact views. Each row names the two organisations (smaller id first), their
-- kinds, the source, the network the evidence belongs to, the days it counts on and the evidence's id:
--   CO_DELIVERY  two organisations co-delivering an activity not cancelled, from its start to its end day;
--   AGREEMENT    two parties of an agreement, from valid_from to valid_to (null: still in force);
--   REFERRAL     the sending and the receiving organisation of a referral (either direction, one undirected tie;
--                direction says which way it went), from the day sent to the day closed (or the day sent while
--                open); a referral between two networks gives one row per network, with cross_network set;
--   MEETING      two organisations present at the same held meeting, on its day.
-- network_code null: project-wide evidence (an agreement or a body of the whole project), counted in the project's
-- figures only.
create view cooperation_fact_tie as
with evidence as (
    select x.organisation_id as organisation_a, y.organisation_id as organisation_b, 'CO_DELIVERY' as source,
           a.network_code, false as cross_network, a.start_date as valid_from, a.end_date as valid_to,
           a.activity_id as evidence_id, null::text as direction
    from activity_fact_activity a
    join activity_fact_partner x on x.activity_id = a.activity_id
    join activity_fact_partner y on y.activity_id = a.activity_id and y.organisation_id > x.organisation_id
    where a.status <> 'CANCELLED'
    union all
    select x.organisation_id, y.organisation_id, 'AGREEMENT', x.network_code, false, x.valid_from, x.valid_to,
           x.agreement_id, null
    from cooperation_fact_agreement x
    join cooperation_fact_agreement y on y.agreement_id = x.agreement_id and y.organisation_id > x.organisation_id
    union all
    select least(r.from_organisation_id, r.to_organisation_id), greatest(r.from_organisation_id, r.to_organisation_id),
           'REFERRAL', n.network_code, r.from_network_code <> r.to_network_code, r.sent_on,
           coalesce(r.closed_on, r.sent_on), r.referral_id,
           case when r.from_organisation_id < r.to_organisation_id then 'A_TO_B' else 'B_TO_A' end
    from cooperation_fact_referral r
    cross join lateral (select r.from_network_code union select r.to_network_code) as n(network_code)
    union all
    select x.organisation_id, y.organisation_id, 'MEETING', x.network_code, false, x.held_on, x.held_on,
           x.meeting_id, null
    from cooperation_fact_meeting_attendance x
    join cooperation_fact_meeting_attendance y on y.meeting_id = x.meeting_id and y.organisation_id > x.organisation_id
    where x.present and y.present
)
select e.organisation_a, e.organisation_b, ka.kind as kind_a, kb.kind as kind_b, e.source, e.network_code,
       e.cross_network, e.valid_from, e.valid_to, e.evidence_id, e.direction
from evidence e
join partnership_fact_organisation ka on ka.organisation_id = e.organisation_a
join partnership_fact_organisation kb on kb.organisation_id = e.organisation_b;
