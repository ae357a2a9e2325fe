-- Shape of the benchmark data, printed by the harness after the row counts (one result table per statement).
select n.code as network, count(distinct c.istat_code) as comuni,
       (select count(*) from participant p where p.network_code = n.code) as participants,
       (select count(*) from activity_activity a where a.network_code = n.code) as activities
from partnership_network n left join partnership_network_comune c on c.network_id = n.id
group by n.code, n.ordinal order by n.ordinal;
select type_code, count(*) as activities, min(start_date) as first_start, max(end_date) as last_end,
       sum(case when status = 'CANCELLED' then 1 else 0 end) as cancelled
from activity_activity group by type_code order by type_code;
select status, count(*) as enrolments from participant_enrolment group by status order by status;
select present, count(*) as attendance_rows, sum(hours) as hours from participant_attendance group by present;
select count(*) as participants, count(distinct person_id) as persons, sum(vulnerable::int) as vulnerable,
       sum(case when erased_at is not null then 1 else 0 end) as erased,
       sum(case when sex = 'F' then 1 else 0 end) as women
from participant;
select citizenship, count(*) as participants from participant group by citizenship order by 2 desc limit 8;
select kind, phase, count(*) as assessments from participant_assessment group by kind, phase order by kind, phase;
select type, count(*) as outcomes from participant_outcome group by type order by type;
select helpful, count(*) as answers from participant_survey_answer group by helpful order by helpful;
