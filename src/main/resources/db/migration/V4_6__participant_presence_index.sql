-- participant: the presences of a period, read by the indicators through participant_fact_presence, come from the
-- sessions of the period (activity_session_date_idx) and then this index alone (an index-only scan), not the
-- whole attendance table.
create index participant_attendance_present_idx on participant_attendance (session_id) include (enrolment_id)
    where present;
