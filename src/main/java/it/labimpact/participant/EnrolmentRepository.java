package it.labimpact.participant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over {@code participant_enrolment} and {@code participant_attendance}. */
@Repository
class EnrolmentRepository {

    /** An enrolment with the scope of its participant and the hours attended. */
    record EnrolmentRow(long id, UUID participantId, long activityId, String networkCode, long organisationId,
            EnrolmentStatus status, String withdrawalReason, LocalDate enrolledOn, LocalDate endedOn,
            BigDecimal attendedHours, int version) {
    }

    /** One recorded cell. */
    record AttendanceRow(long enrolmentId, long sessionId, boolean present, BigDecimal hours) {
    }

    private static final String SELECT = """
            select e.id, e.participant_id, e.activity_id, p.network_code, p.organisation_id, e.status,
                   e.withdrawal_reason, e.enrolled_on, e.ended_on, e.version,
                   coalesce((select sum(a.hours) from participant_attendance a
                             where a.enrolment_id = e.id and a.present), 0) as attended
            from participant_enrolment e join participant p on p.id = e.participant_id""";

    private final JdbcClient jdbc;

    EnrolmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an enrolment unless the participant is enrolled already; the new id, or empty. */
    Optional<Long> insert(UUID participant, long activity, LocalDate enrolledOn, String by) {
        return jdbc.sql("""
                insert into participant_enrolment (participant_id, activity_id, enrolled_on, created_by)
                values (:p, :a, :on, :by) on conflict (participant_id, activity_id) do nothing returning id""")
                .param("p", participant).param("a", activity).param("on", enrolledOn).param("by", by)
                .query(Long.class).optional();
    }

    /** The (participant, activity) pairs enrolled, of the participants. */
    List<Map.Entry<UUID, Long>> activitiesOf(java.util.Collection<UUID> participants) {
        return jdbc.sql("select participant_id, activity_id from participant_enrolment"
                        + " where participant_id = any(cast(:p as uuid[]))")
                .param("p", participants.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).list();
    }

    boolean exists(UUID participant, long activity) {
        return jdbc.sql("select exists (select 1 from participant_enrolment where participant_id = :p"
                        + " and activity_id = :a)").param("p", participant).param("a", activity)
                .query(Boolean.class).single();
    }

    /**
     * Enrolments in one statement, each unless the participant is enrolled already (as {@link #insert}); the new
     * ids by "participant|activity".
     */
    Map<String, Long> insertAll(List<ChunkLookups.NewEnrolment> enrolments, String by) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                insert into participant_enrolment (participant_id, activity_id, enrolled_on, created_by)
                select t.p, t.a, t.d, :by
                from unnest(cast(:p as uuid[]), cast(:a as bigint[]), cast(:on as date[])) with ordinality as t(p, a, d, n)
                order by t.n
                on conflict (participant_id, activity_id) do nothing returning id, participant_id, activity_id""")
                .param("p", enrolments.stream().map(e -> e.participantId.toString()).toArray(String[]::new))
                .param("a", enrolments.stream().map(e -> e.activityId).toArray(Long[]::new))
                .param("on", enrolments.stream().map(e -> e.enrolledOn.toString()).toArray(String[]::new))
                .param("by", by)
                .query((rs, n) -> ids.put(rs.getObject(2, UUID.class) + "|" + rs.getLong(3), rs.getLong(1))).list();
        return ids;
    }

    Optional<EnrolmentRow> find(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(EnrolmentRepository::row).optional();
    }

    /** Enrolments of an activity, or of a participant, or both; within a network and organisation when given. */
    List<EnrolmentRow> list(Long activity, UUID participant, String network, Long organisation, long offset,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(SELECT + where(activity, participant, network, organisation, params)
                        + " order by e.enrolled_on desc, e.id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset).query(EnrolmentRepository::row).list();
    }

    long count(Long activity, UUID participant, String network, Long organisation) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from participant_enrolment e join participant p on p.id = e.participant_id"
                        + where(activity, participant, network, organisation, params))
                .params(params).query(Long.class).single();
    }

    /** Sets status, reason and end date when the version matches; returns the rows changed. */
    int update(long id, int version, EnrolmentStatus status, String reason, LocalDate endedOn) {
        return jdbc.sql("""
                update participant_enrolment set status = :status, withdrawal_reason = :reason, ended_on = :ended,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .param("status", status.name()).param("reason", reason).param("ended", endedOn).param("id", id)
                .param("version", version).update();
    }

    List<AttendanceRow> attendanceOfActivity(long activity) {
        return jdbc.sql("""
                select a.enrolment_id, a.session_id, a.present, a.hours from participant_attendance a
                join participant_enrolment e on e.id = a.enrolment_id where e.activity_id = :a""")
                .param("a", activity)
                .query((rs, n) -> new AttendanceRow(rs.getLong(1), rs.getLong(2), rs.getBoolean(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    /**
     * The optimistic-lock token of a session's attendance: changes with every save of the session (rows
     * recorded and the latest recording time).
     */
    long sessionVersion(long session) {
        return jdbc.sql("""
                select count(*) * 1000003 + coalesce(max((extract(epoch from recorded_at) * 1000000)::bigint), 0)
                from participant_attendance where session_id = :s""")
                .param("s", session).query(Long.class).single();
    }

    /** Locks the activity's enrolments for a whole-session save (two saves of one session run one by one). */
    void lockActivity(long activity) {
        jdbc.sql("select id from participant_enrolment where activity_id = :a for update").param("a", activity)
                .query(Long.class).list();
    }

    void upsertAttendance(long enrolment, long session, boolean present, BigDecimal hours, String by) {
        jdbc.sql("""
                insert into participant_attendance (enrolment_id, session_id, present, hours, recorded_by)
                values (:e, :s, :present, :hours, :by)
                on conflict (enrolment_id, session_id) do update set present = excluded.present,
                    hours = excluded.hours, recorded_by = excluded.recorded_by, recorded_at = clock_timestamp()""")
                .param("e", enrolment).param("s", session).param("present", present).param("hours", hours)
                .param("by", by).update();
    }

    /** The latest session date a participant was present at, for the end date of a completion. */
    Optional<LocalDate> lastPresence(long enrolment, Map<Long, LocalDate> sessionDates) {
        return jdbc.sql("select session_id from participant_attendance where enrolment_id = :e and present")
                .param("e", enrolment).query(Long.class).list().stream().map(sessionDates::get)
                .filter(d -> d != null).max(LocalDate::compareTo);
    }

    private static String where(Long activity, UUID participant, String network, Long organisation,
            Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where true");
        if (activity != null) {
            sql.append(" and e.activity_id = :activity");
            params.put("activity", activity);
        }
        if (participant != null) {
            sql.append(" and e.participant_id = :participant");
            params.put("participant", participant);
        }
        if (network != null) {
            sql.append(" and p.network_code = :network");
            params.put("network", network);
        }
        if (organisation != null) {
            sql.append(" and p.organisation_id = :organisation");
            params.put("organisation", organisation);
        }
        return sql.toString();
    }

    private static EnrolmentRow row(ResultSet rs, int n) throws SQLException {
        return new EnrolmentRow(rs.getLong("id"), rs.getObject("participant_id", UUID.class), rs.getLong("activity_id"),
                rs.getString("network_code"), rs.getLong("organisation_id"),
                EnrolmentStatus.valueOf(rs.getString("status")), rs.getString("withdrawal_reason"),
                rs.getObject("enrolled_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getBigDecimal("attended"), rs.getInt("version"));
    }
}
