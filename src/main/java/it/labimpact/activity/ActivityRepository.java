package it.labimpact.activity;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the activity tables. */
@Repository
class ActivityRepository {

    /** An activity row, before names from other modules are added. */
    record ActivityRow(long id, String networkCode, String typeCode, String title, String description,
            String comuneIstat, String venue, LocalDate startDate, LocalDate endDate, BigDecimal plannedHours,
            List<String> languages, Integer capacity, String targetGroup, ActivityStatus status, boolean demo,
            int version, int sessions) {
    }

    /** An organisation delivering an activity. */
    record OrganisationRow(long organisationId, boolean lead) {
    }

    /** Filters as SQL needs them: the network list is already scoped, comuni already resolved to codes. */
    record Filter(String network, String type, String action, ActivityStatus status, List<String> comuni,
            String text, LocalDate from, LocalDate to) {
    }

    private static final String ACTIVITY_SELECT = """
            select a.*, (select count(*) from activity_session s where s.activity_id = a.id) as sessions
            from activity_activity a join activity_type t on t.code = a.type_code""";

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- types ---

    List<ActivityTypeView> types() {
        return jdbc.sql("select * from activity_type order by action, label_it").query(ActivityRepository::type)
                .list();
    }

    List<Long> activityIdsOfType(String code) {
        return jdbc.sql("select id from activity_activity where type_code = :code order by id").param("code", code)
                .query(Long.class).list();
    }

    Optional<ActivityTypeView> type(String code) {
        return jdbc.sql("select * from activity_type where code = :code").param("code", code)
                .query(ActivityRepository::type).optional();
    }

    void insertType(ActivityTypeData d) {
        jdbc.sql("""
                insert into activity_type (code, action, label_it, label_en, counts_for, completion_threshold, active)
                values (:code, :action, :it, :en, :counts, :threshold, :active)""")
                .params(typeParams(d)).param("code", d.code().strip()).update();
    }

    int updateType(String code, int version, ActivityTypeData d) {
        return jdbc.sql("""
                update activity_type set action = :action, label_it = :it, label_en = :en, counts_for = :counts,
                    completion_threshold = :threshold, active = :active, version = version + 1
                where code = :code and version = :version""")
                .params(typeParams(d)).param("code", code).param("version", version).update();
    }

    // --- activities ---

    Optional<ActivityRow> activity(long id) {
        return jdbc.sql(ACTIVITY_SELECT + " where a.id = :id").param("id", id).query(ActivityRepository::activity)
                .optional();
    }

    /**
     * The activities matching, counted up to {@code limit} (a list's total is counted at every page: beyond a limit
     * it says "more than", see {@link it.labimpact.shared.PageResponse#counted}).
     */
    long count(Filter f, long limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("countLimit", limit);
        // every activity has a type (a foreign key): the join only matters when filtering by action, and counting
        // without it reads one table instead of hashing the two (a list's total is counted at every page)
        String from = notBlank(f.action())
                ? "activity_activity a join activity_type t on t.code = a.type_code" : "activity_activity a";
        return jdbc.sql("select count(*) from (select 1 from " + from + where(f, params) + " limit :countLimit) x")
                .params(params).query(Long.class).single();
    }

    List<ActivityRow> activities(Filter f, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(ACTIVITY_SELECT + where(f, params)
                + " order by a.start_date desc, a.id desc limit :limit offset :offset")
                .params(params).query(ActivityRepository::activity).list();
    }

    long insertActivity(ActivityData d, List<String> languages, boolean demo) {
        return jdbc.sql("""
                insert into activity_activity (network_code, type_code, title, description, comune_istat, venue,
                    start_date, end_date, planned_hours, languages, capacity, target_group, status, demo)
                values (:network, :type, :title, :description, :comune, :venue, :start, :end, :hours,
                    cast(:languages as text[]), :capacity, :target, :status, :demo)
                returning id""")
                .params(activityParams(d, languages)).param("demo", demo).query(Long.class).single();
    }

    /** Updates when the version matches; returns the rows changed (0 = somebody else changed it). */
    int updateActivity(long id, int version, ActivityData d, List<String> languages) {
        return jdbc.sql("""
                update activity_activity set network_code = :network, type_code = :type, title = :title,
                    description = :description, comune_istat = :comune, venue = :venue, start_date = :start,
                    end_date = :end, planned_hours = :hours, languages = cast(:languages as text[]),
                    capacity = :capacity, target_group = :target, status = :status,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .params(activityParams(d, languages)).param("id", id).param("version", version).update();
    }

    List<OrganisationRow> organisations(long activityId) {
        return jdbc.sql("""
                select organisation_id, lead from activity_organisation where activity_id = :id
                order by lead desc, organisation_id""").param("id", activityId)
                .query((rs, n) -> new OrganisationRow(rs.getLong(1), rs.getBoolean(2))).list();
    }

    void replaceOrganisations(long activityId, long lead, List<Long> others) {
        jdbc.sql("delete from activity_organisation where activity_id = :id").param("id", activityId).update();
        jdbc.sql("insert into activity_organisation (activity_id, organisation_id, lead) values (:id, :org, true)")
                .param("id", activityId).param("org", lead).update();
        for (Long other : others) {
            jdbc.sql("insert into activity_organisation (activity_id, organisation_id, lead) values (:id, :org, false)")
                    .param("id", activityId).param("org", other).update();
        }
    }

    // --- sessions ---

    List<SessionView> sessions(long activityId) {
        return jdbc.sql("""
                select * from activity_session where activity_id = :id
                order by session_date, start_time nulls first, id""")
                .param("id", activityId).query(ActivityRepository::session).list();
    }

    Optional<SessionView> session(long activityId, long sessionId) {
        return jdbc.sql("select * from activity_session where id = :sid and activity_id = :id")
                .param("sid", sessionId).param("id", activityId).query(ActivityRepository::session).optional();
    }

    /** Sessions of the activity that would fall outside the given dates. */
    long sessionsOutside(long activityId, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                select count(*) from activity_session
                where activity_id = :id and (session_date < :start or session_date > :end)""")
                .param("id", activityId).param("start", start).param("end", end).query(Long.class).single();
    }

    long insertSession(long activityId, SessionData d, BigDecimal hours) {
        return jdbc.sql("""
                insert into activity_session (activity_id, session_date, start_time, end_time, hours, venue)
                values (:activity, :date, :start, :end, :hours, :venue) returning id""")
                .params(sessionParams(d, hours)).param("activity", activityId).query(Long.class).single();
    }

    int updateSession(long activityId, long sessionId, int version, SessionData d, BigDecimal hours) {
        return jdbc.sql("""
                update activity_session set session_date = :date, start_time = :start, end_time = :end,
                    hours = :hours, venue = :venue, version = version + 1
                where id = :sid and activity_id = :activity and version = :version""")
                .params(sessionParams(d, hours)).param("activity", activityId).param("sid", sessionId)
                .param("version", version).update();
    }

    int deleteSession(long activityId, long sessionId, int version) {
        return jdbc.sql("delete from activity_session where id = :sid and activity_id = :activity and version = :v")
                .param("sid", sessionId).param("activity", activityId).param("v", version).update();
    }

    /** Sessions between two days with their activity, optionally of one network only. */
    List<CalendarEntry> calendar(LocalDate first, LocalDate last, String network) {
        return jdbc.sql("""
                select s.*, a.title, a.network_code, a.type_code, a.status
                from activity_session s join activity_activity a on a.id = s.activity_id
                where s.session_date between :first and :last
                  and (cast(:network as text) is null or a.network_code = :network)
                order by s.session_date, s.start_time nulls first, a.title, s.id""")
                .param("first", first).param("last", last).param("network", network)
                .query((rs, n) -> new CalendarEntry(session(rs, n), rs.getString("title"),
                        rs.getString("network_code"), rs.getString("type_code"),
                        ActivityStatus.valueOf(rs.getString("status"))))
                .list();
    }

    // --- mapping ---

    private static String where(Filter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.network() != null) {
            clauses.add("a.network_code = :network");
            params.put("network", f.network());
        }
        if (notBlank(f.type())) {
            clauses.add("a.type_code = :type");
            params.put("type", f.type());
        }
        if (notBlank(f.action())) {
            clauses.add("t.action = :action");
            params.put("action", f.action());
        }
        if (f.status() != null) {
            clauses.add("a.status = :status");
            params.put("status", f.status().name());
        }
        if (f.comuni() != null) {
            clauses.add("a.comune_istat = any(:comuni)");
            params.put("comuni", f.comuni().toArray(String[]::new));
        }
        if (notBlank(f.text())) {
            clauses.add("(a.title ilike :text escape '\\' or a.venue ilike :text escape '\\'"
                    + " or a.target_group ilike :text escape '\\')");
            params.put("text", "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (f.from() != null) {
            clauses.add("a.end_date >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            clauses.add("a.start_date <= :to");
            params.put("to", f.to());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static Map<String, Object> typeParams(ActivityTypeData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("action", d.action());
        p.put("it", d.labelIt().strip());
        p.put("en", d.labelEn().strip());
        p.put("counts", blankToNull(d.countsFor()));
        p.put("threshold", d.completionThreshold());
        p.put("active", Boolean.TRUE.equals(d.active()));
        return p;
    }

    private static Map<String, Object> activityParams(ActivityData d, List<String> languages) {
        Map<String, Object> p = new HashMap<>();
        p.put("network", d.networkCode());
        p.put("type", d.typeCode());
        p.put("title", d.title().strip());
        p.put("description", blankToNull(d.description()));
        p.put("comune", d.comuneIstat());
        p.put("venue", blankToNull(d.venue()));
        p.put("start", d.startDate());
        p.put("end", d.endDate());
        p.put("hours", d.plannedHours());
        p.put("languages", languages.toArray(String[]::new));
        p.put("capacity", d.capacity());
        p.put("target", blankToNull(d.targetGroup()));
        p.put("status", d.status().name());
        return p;
    }

    private static Map<String, Object> sessionParams(SessionData d, BigDecimal hours) {
        Map<String, Object> p = new HashMap<>();
        p.put("date", d.date());
        p.put("start", d.startTime());
        p.put("end", d.endTime());
        p.put("hours", hours);
        p.put("venue", blankToNull(d.venue()));
        return p;
    }

    private static ActivityTypeView type(ResultSet rs, int n) throws SQLException {
        return new ActivityTypeView(rs.getString("code"), rs.getString("action"), rs.getString("label_it"),
                rs.getString("label_en"), rs.getString("counts_for"), rs.getBigDecimal("completion_threshold"),
                rs.getBoolean("active"), rs.getInt("version"));
    }

    private static ActivityRow activity(ResultSet rs, int n) throws SQLException {
        return new ActivityRow(rs.getLong("id"), rs.getString("network_code"), rs.getString("type_code"),
                rs.getString("title"), rs.getString("description"), rs.getString("comune_istat"),
                rs.getString("venue"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBigDecimal("planned_hours"),
                strings(rs.getArray("languages")), rs.getObject("capacity", Integer.class),
                rs.getString("target_group"),
                ActivityStatus.valueOf(rs.getString("status")), rs.getBoolean("demo"), rs.getInt("version"),
                rs.getInt("sessions"));
    }

    private static SessionView session(ResultSet rs, int n) throws SQLException {
        return new SessionView(rs.getLong("id"), rs.getLong("activity_id"),
                rs.getObject("session_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), rs.getBigDecimal("hours"), rs.getString("venue"),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
