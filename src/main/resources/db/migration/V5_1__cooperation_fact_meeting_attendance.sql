-- cooperation (governance): the attendance of the meetings that took place, for the indicators and the cooperation
-- metrics (one row per meeting and invited organisation; ids and codes only). A meeting counts once it is marked
-- held; planned and cancelled meetings do not. network_code null = a project-wide body (steering group, project
-- working group).
create view cooperation_fact_meeting_attendance as
select m.id as meeting_id, m.body_id, b.kind as body_kind, b.network_code, m.held_on, a.organisation_id,
       coalesce(a.present, false) as present, a.people
from cooperation_meeting m
join cooperation_governance_body b on b.id = m.body_id
join cooperation_meeting_attendance a on a.meeting_id = m.id
where m.status = 'HELD';
