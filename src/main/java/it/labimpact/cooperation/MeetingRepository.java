package it.labimpact.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over meetings, their attendance, decisions and files. */
@Repository
class MeetingRepository {

    /** A meeting row with its counts. */
    record MeetingRow(long id, long bodyId, String bodyName, GovernanceBodyKind bodyKind, String networkCode,
            LocalDate date, LocalTime startTime, LocalTime endTime, MeetingMode mode, String place, String link,
            String agenda, String minutes, MeetingStatus status, boolean demo, int version, int invited, int present,
            int people, int pendingDecisions) {

        MeetingSummary summary() {
            return new MeetingSummary(id, bodyId, bodyName, bodyKind, networkCode, date, startTime, endTime, mode,
                    place, status, invited, present, people, pendingDecisions, demo);
        }
    }

    /** An invited organisation; {@code present} is null until recorded. */
    record AttendanceRow(long organisationId, Boolean present, int people) {
    }

    /** A decision row with its meeting and body. */
    record DecisionRow(long id, long meetingId, LocalDate meetingDate, long bodyId, String bodyName,
            String networkCode, String text, long owner, LocalDate dueOn, MeetingDecisionStatus status, String note,
            int version) {
    }

    /**
     * Filters as SQL needs them: the readable networks already resolved ({@code projectWide}: also the bodies of
     * the project).
     */
    record Filter(List<String> networks, boolean projectWide, Long bodyId, MeetingStatus status, LocalDate from,
            LocalDate to) {
    }

    private static final String MEETING_SELECT = """
            select m.*, b.name as body_name, b.kind as body_kind, b.network_code,
                   (select count(*) from cooperation_meeting_attendance a where a.meeting_id = m.id) as invited,
                   (select count(*) from cooperation_meeting_attendance a where a.meeting_id = m.id and a.present)
                       as present,
                   (select coalesce(sum(a.people), 0) from cooperation_meeting_attendance a where a.meeting_id = m.id)
                       as people,
                   (select count(*) from cooperation_meeting_decision d
                    where d.meeting_id = m.id and d.status in ('OPEN', 'IN_PROGRESS')) as pending
            from cooperation_meeting m join cooperation_governance_body b on b.id = m.body_id""";

    private static final String WHERE = """
             where (b.network_code = any(:networks) or (:projectWide and b.network_code is null))
               and (cast(:body as bigint) is null or m.body_id = :body)
               and (cast(:status as text) is null or m.status = :status)
               and (cast(:from as date) is null or m.held_on >= :from)
               and (cast(:to as date) is null or m.held_on <= :to)""";

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MeetingRow> meetings(Filter f, boolean latestFirst, long offset, int limit) {
        return jdbc.sql(MEETING_SELECT + "\n" + WHERE + (latestFirst ? " order by m.held_on desc, m.start_time desc nulls last, m.id desc"
                : " order by m.held_on, m.start_time nulls first, m.id") + " limit :limit offset :offset")
                .params(params(f)).param("limit", limit).param("offset", offset)
                .query(MeetingRepository::meeting).list();
    }

    long count(Filter f) {
        return jdbc.sql("select count(*) from cooperation_meeting m join cooperation_governance_body b on b.id = m.body_id"
                + "\n" + WHERE).params(params(f)).query(Long.class).single();
    }

    Optional<MeetingRow> meeting(long id) {
        return jdbc.sql(MEETING_SELECT + " where m.id = :id").param("id", id).query(MeetingRepository::meeting)
                .optional();
    }

    long insert(MeetingData d, boolean demo) {
        return jdbc.sql("""
                insert into cooperation_meeting (body_id, held_on, start_time, end_time, mode, place, link, agenda,
                    minutes, status, demo)
                values (:body, :date, :start, :end, :mode, :place, :link, :agenda, :minutes, :status, :demo)
                returning id""").params(meetingParams(d)).param("body", d.bodyId()).param("demo", demo)
                .query(Long.class).single();
    }

    int update(long id, int version, MeetingData d) {
        return jdbc.sql("""
                update cooperation_meeting set held_on = :date, start_time = :start, end_time = :end, mode = :mode,
                    place = :place, link = :link, agenda = :agenda, minutes = :minutes, status = :status,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""").params(meetingParams(d)).param("id", id)
                .param("version", version).update();
    }

    /** Bumps the version of a meeting read at {@code version} (attendance saved); 0 when stale. */
    int touch(long id, int version, MeetingStatus status) {
        return jdbc.sql("""
                update cooperation_meeting set status = :status, version = version + 1, updated_at = now()
                where id = :id and version = :version""").param("status", status.name()).param("id", id)
                .param("version", version).update();
    }

    // --- attendance ---

    List<AttendanceRow> attendance(long meetingId) {
        return jdbc.sql("""
                select organisation_id, present, people from cooperation_meeting_attendance
                where meeting_id = :id order by organisation_id""").param("id", meetingId)
                .query((rs, n) -> new AttendanceRow(rs.getLong(1), (Boolean) rs.getObject(2), rs.getInt(3))).list();
    }

    /** Invites the organisations not yet invited and withdraws the invitations of the others not recorded. */
    void invite(long meetingId, List<Long> organisations) {
        jdbc.sql("""
                delete from cooperation_meeting_attendance
                where meeting_id = :id and present is null and not (organisation_id = any(:orgs))""")
                .param("id", meetingId).param("orgs", organisations.toArray(Long[]::new)).update();
        for (Long org : organisations) {
            jdbc.sql("""
                    insert into cooperation_meeting_attendance (meeting_id, organisation_id) values (:id, :org)
                    on conflict do nothing""").param("id", meetingId).param("org", org).update();
        }
    }

    void record(long meetingId, long organisation, boolean present, int people) {
        jdbc.sql("""
                update cooperation_meeting_attendance set present = :present, people = :people
                where meeting_id = :id and organisation_id = :org""").param("present", present)
                .param("people", people).param("id", meetingId).param("org", organisation).update();
    }

    // --- decisions ---

    private static final String DECISION_SELECT = """
            select d.*, m.held_on, m.body_id, b.name as body_name, b.network_code
            from cooperation_meeting_decision d join cooperation_meeting m on m.id = d.meeting_id
            join cooperation_governance_body b on b.id = m.body_id""";

    List<DecisionRow> decisions(long meetingId) {
        return jdbc.sql(DECISION_SELECT + " where d.meeting_id = :id order by d.id").param("id", meetingId)
                .query(MeetingRepository::decision).list();
    }

    /** Decisions still to be done of the readable bodies, earliest due first (no due day last). */
    List<DecisionRow> pendingDecisions(List<String> networks, boolean projectWide, Long owner) {
        return jdbc.sql(DECISION_SELECT + "\n" + """
                 where d.status in ('OPEN', 'IN_PROGRESS')
                   and (b.network_code = any(:networks) or (:projectWide and b.network_code is null))
                   and (cast(:owner as bigint) is null or d.owner_organisation_id = :owner)
                 order by d.due_on nulls last, m.held_on, d.id""")
                .param("networks", networks.toArray(String[]::new)).param("projectWide", projectWide)
                .param("owner", owner).query(MeetingRepository::decision).list();
    }

    Optional<DecisionRow> decision(long meetingId, long decisionId) {
        return jdbc.sql(DECISION_SELECT + " where d.meeting_id = :meeting and d.id = :id")
                .param("meeting", meetingId).param("id", decisionId).query(MeetingRepository::decision).optional();
    }

    long insertDecision(long meetingId, MeetingDecisionData d, MeetingDecisionStatus status) {
        return jdbc.sql("""
                insert into cooperation_meeting_decision (meeting_id, text, owner_organisation_id, due_on, status, note)
                values (:meeting, :text, :owner, :due, :status, :note) returning id""")
                .param("meeting", meetingId).params(decisionParams(d, status)).query(Long.class).single();
    }

    int updateDecision(long meetingId, long id, int version, MeetingDecisionData d, MeetingDecisionStatus status) {
        return jdbc.sql("""
                update cooperation_meeting_decision set text = :text, owner_organisation_id = :owner, due_on = :due,
                    status = :status, note = :note, version = version + 1, updated_at = now()
                where meeting_id = :meeting and id = :id and version = :version""")
                .params(decisionParams(d, status)).param("meeting", meetingId).param("id", id)
                .param("version", version).update();
    }

    // --- files ---

    List<MeetingFile> files(long meetingId) {
        return jdbc.sql("""
                select id, filename, content_type, size, uploaded_by, uploaded_at from cooperation_meeting_file
                where meeting_id = :id order by id""").param("id", meetingId)
                .query((rs, n) -> new MeetingFile(rs.getLong("id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getInt("size"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    long insertFile(long meetingId, String filename, String contentType, byte[] content, String by) {
        return jdbc.sql("""
                insert into cooperation_meeting_file (meeting_id, filename, content_type, size, content, uploaded_by)
                values (:meeting, :filename, :type, :size, :content, :by) returning id""")
                .param("meeting", meetingId).param("filename", filename).param("type", contentType)
                .param("size", content.length).param("content", content).param("by", by).query(Long.class).single();
    }

    Optional<MeetingFileContent> file(long meetingId, long fileId) {
        return jdbc.sql("""
                select filename, content_type, content from cooperation_meeting_file
                where meeting_id = :meeting and id = :id""").param("meeting", meetingId).param("id", fileId)
                .query((rs, n) -> new MeetingFileContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    int deleteFile(long meetingId, long fileId) {
        return jdbc.sql("delete from cooperation_meeting_file where meeting_id = :meeting and id = :id")
                .param("meeting", meetingId).param("id", fileId).update();
    }

    // --- mapping ---

    private static Map<String, Object> params(Filter f) {
        Map<String, Object> p = new HashMap<>();
        p.put("networks", f.networks().toArray(String[]::new));
        p.put("projectWide", f.projectWide());
        p.put("body", f.bodyId());
        p.put("status", f.status() == null ? null : f.status().name());
        p.put("from", f.from());
        p.put("to", f.to());
        return p;
    }

    private static Map<String, Object> meetingParams(MeetingData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("date", d.date());
        p.put("start", d.startTime());
        p.put("end", d.endTime());
        p.put("mode", d.mode().name());
        p.put("place", GovernanceRepository.blankToNull(d.place()));
        p.put("link", GovernanceRepository.blankToNull(d.link()));
        p.put("agenda", GovernanceRepository.blankToNull(d.agenda()));
        p.put("minutes", GovernanceRepository.blankToNull(d.minutes()));
        p.put("status", d.status().name());
        return p;
    }

    private static Map<String, Object> decisionParams(MeetingDecisionData d, MeetingDecisionStatus status) {
        Map<String, Object> p = new HashMap<>();
        p.put("text", d.text().strip());
        p.put("owner", d.ownerOrganisationId());
        p.put("due", d.dueOn());
        p.put("status", status.name());
        p.put("note", GovernanceRepository.blankToNull(d.note()));
        return p;
    }

    private static MeetingRow meeting(ResultSet rs, int n) throws SQLException {
        return new MeetingRow(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"),
                GovernanceBodyKind.valueOf(rs.getString("body_kind")), rs.getString("network_code"),
                rs.getObject("held_on", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), MeetingMode.valueOf(rs.getString("mode")),
                rs.getString("place"), rs.getString("link"), rs.getString("agenda"), rs.getString("minutes"),
                MeetingStatus.valueOf(rs.getString("status")), rs.getBoolean("demo"), rs.getInt("version"),
                rs.getInt("invited"), rs.getInt("present"), rs.getInt("people"), rs.getInt("pending"));
    }

    private static DecisionRow decision(ResultSet rs, int n) throws SQLException {
        return new DecisionRow(rs.getLong("id"), rs.getLong("meeting_id"), rs.getObject("held_on", LocalDate.class),
                rs.getLong("body_id"), rs.getString("body_name"), rs.getString("network_code"), rs.getString("text"),
                rs.getLong("owner_organisation_id"), rs.getObject("due_on", LocalDate.class),
                MeetingDecisionStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getInt("version"));
    }
}
