-- imports: the other kinds of file (attendance, assessments, outcomes, activities with sessions).
alter table imports_job drop constraint imports_job_kind_check;
alter table imports_job add constraint imports_job_kind_check
    check (kind in ('PARTICIPANTS', 'ATTENDANCE', 'ASSESSMENTS', 'OUTCOMES', 'ACTIVITIES'));
