package it.labimpact.cooperation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the training tables and the operators-trained fact. */
@Repository
class TrainingRepository {

    /** A training with its counts, before names from other modules are added. */
    record TrainingRow(long id, String title, TrainingTheme theme, long organiserId, String networkCode,
            LocalDate startDate, LocalDate endDate, BigDecimal hours, TrainingMode mode, String description,
            int version, int attendees, int trained) {
    }

    /** An attendance row, before the organisation's name is added. */
    record AttendeeRow(long id, long operatorId, String operatorKey, String surname, String givenName,
            long organisationId, TrainingRole role, String roleOther, BigDecimal hoursAttended, boolean trained,
            List<Integer> pre, List<Integer> post) {
    }

    /**
     * Filters as SQL needs them.
     *
     * @param scope the one network an actor without project scope may read besides project-wide trainings;
     *     {@code null} for project scope
     * @param projectOnly only project-wide trainings
     */
    record Filter(String scope, String network, boolean projectOnly, TrainingTheme theme, LocalDate from,
            LocalDate to) {
    }

    private static final String SELECT = """
            select t.*,
                (select count(*) from cooperation_training_attendance a where a.training_id = t.id) as attendees,
                (select count(*) from cooperation_training_attendance a where a.training_id = t.id
                    and a.hours_attended >= 0.70 * t.hours) as trained
            from cooperation_training t""";

    private final JdbcClient jdbc;

    TrainingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TrainingRow> training(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TrainingRepository::training).optional();
    }

    long count(Filter f) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from cooperation_training t" + where(f, params)).params(params)
                .query(Long.class).single();
    }

    List<TrainingRow> trainings(Filter f, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + where(f, params) + " order by t.end_date desc, t.id desc limit :limit offset :offset")
                .params(params).query(TrainingRepository::training).list();
    }

    long insert(TrainingData d) {
        return jdbc.sql("""
                insert into cooperation_training (title, theme, organiser_organisation_id, network_code, start_date,
                    end_date, hours, mode, description)
                values (:title, :theme, :organiser, :network, :start, :end, :hours, :mode, :description)
                returning id""").params(params(d)).query(Long.class).single();
    }

    /** Updates when the version matches; returns the rows changed (0 = somebody else changed it). */
    int update(long id, int version, TrainingData d) {
        return jdbc.sql("""
                update cooperation_training set title = :title, theme = :theme, organiser_organisation_id = :organiser,
                    network_code = :network, start_date = :start, end_date = :end, hours = :hours, mode = :mode,
                    description = :description, version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .params(params(d)).param("id", id).param("version", version).update();
    }

    /** Moves the training to its next version when {@code version} is current (a list saved as a whole). */
    int bump(long id, int version) {
        return jdbc.sql("""
                update cooperation_training set version = version + 1, updated_at = now()
                where id = :id and version = :version""").param("id", id).param("version", version).update();
    }

    List<AttendeeRow> attendees(long trainingId) {
        return jdbc.sql("""
                select a.id, a.operator_id, o.operator_key::text as operator_key, o.surname, o.given_name,
                    o.organisation_id, a.role, a.role_other, a.hours_attended, a.pre, a.post,
                    a.hours_attended >= 0.70 * t.hours as trained
                from cooperation_training_attendance a
                join cooperation_training t on t.id = a.training_id
                join cooperation_training_operator o on o.id = a.operator_id
                where a.training_id = :id
                order by o.surname, o.given_name, a.id""").param("id", trainingId)
                .query((rs, n) -> new AttendeeRow(rs.getLong("id"), rs.getLong("operator_id"),
                        rs.getString("operator_key"), rs.getString("surname"), rs.getString("given_name"),
                        rs.getLong("organisation_id"), TrainingRole.valueOf(rs.getString("role")),
                        rs.getString("role_other"), rs.getBigDecimal("hours_attended"), rs.getBoolean("trained"),
                        ints(rs.getArray("pre")), ints(rs.getArray("post"))))
                .list();
    }

    BigDecimal maxHoursAttended(long trainingId) {
        return jdbc.sql("select coalesce(max(hours_attended), 0) from cooperation_training_attendance where training_id = :id")
                .param("id", trainingId).query(BigDecimal.class).single();
    }

    /** The operator with this identity in this organisation, created on first sight; returns its id. */
    long operator(long organisationId, String identityKey, String surname, String givenName) {
        return jdbc.sql("""
                insert into cooperation_training_operator (organisation_id, identity_key, surname, given_name)
                values (:org, :key, :surname, :given)
                on conflict (organisation_id, identity_key) do update set identity_key = excluded.identity_key
                returning id""")
                .param("org", organisationId).param("key", identityKey).param("surname", surname)
                .param("given", givenName).query(Long.class).single();
    }

    /** Adds or changes an operator's attendance, keeping the self-assessment already recorded. */
    void upsertAttendance(long trainingId, long operatorId, String organisationKind, TrainingRole role,
            String roleOther, BigDecimal hours) {
        jdbc.sql("""
                insert into cooperation_training_attendance (training_id, operator_id, organisation_kind, role,
                    role_other, hours_attended)
                values (:training, :operator, :kind, :role, :other, :hours)
                on conflict (training_id, operator_id) do update set organisation_kind = excluded.organisation_kind,
                    role = excluded.role, role_other = excluded.role_other, hours_attended = excluded.hours_attended""")
                .param("training", trainingId).param("operator", operatorId).param("kind", organisationKind)
                .param("role", role.name()).param("other", roleOther).param("hours", hours).update();
    }

    /** Removes the attendance of operators not in {@code keep}, then the operators nobody refers to any more. */
    void removeAttendanceExcept(long trainingId, List<Long> keep) {
        List<Long> before = jdbc.sql("select operator_id from cooperation_training_attendance where training_id = :id")
                .param("id", trainingId).query(Long.class).list();
        jdbc.sql("""
                delete from cooperation_training_attendance
                where training_id = :id and not (operator_id = any (cast(:keep as bigint[])))""")
                .param("id", trainingId).param("keep", keep.toArray(Long[]::new)).update();
        deleteOrphans(before);
    }

    void deleteOrphans(List<Long> operatorIds) {
        if (operatorIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                delete from cooperation_training_operator o
                where o.id = any (cast(:ids as bigint[]))
                  and not exists (select 1 from cooperation_training_attendance a where a.operator_id = o.id)""")
                .param("ids", operatorIds.toArray(Long[]::new)).update();
    }

    void answers(long attendeeId, List<Integer> pre, List<Integer> post) {
        jdbc.sql("""
                update cooperation_training_attendance set pre = cast(:pre as smallint[]), post = cast(:post as smallint[])
                where id = :id""")
                .param("id", attendeeId).param("pre", array(pre)).param("post", array(post)).update();
    }

    /**
     * Distinct operators trained in trainings that ended between the two days, read from the published fact
     * ({@code cooperation_fact_operator_training}); {@code network} {@code null} = the whole project.
     */
    long trainedOperators(String network, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(distinct operator_key) from cooperation_fact_operator_training
                where trained and ended_on between :from and :to
                  and (cast(:network as text) is null or network_code = :network)""")
                .param("network", network).param("from", from).param("to", to).query(Long.class).single();
    }

    // --- mapping ---

    private static String where(Filter f, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (f.scope() != null) {
            where.add("(t.network_code is null or t.network_code = :scope)");
            params.put("scope", f.scope());
        }
        if (f.projectOnly()) {
            where.add("t.network_code is null");
        } else if (f.network() != null) {
            where.add("t.network_code = :network");
            params.put("network", f.network());
        }
        if (f.theme() != null) {
            where.add("t.theme = :theme");
            params.put("theme", f.theme().name());
        }
        if (f.from() != null) {
            where.add("t.end_date >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("t.end_date <= :to");
            params.put("to", f.to());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static Map<String, Object> params(TrainingData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", d.title().strip());
        p.put("theme", d.theme().name());
        p.put("organiser", d.organiserOrganisationId());
        p.put("network", d.network());
        p.put("start", d.startDate());
        p.put("end", d.endDate());
        p.put("hours", d.hours());
        p.put("mode", d.mode().name());
        p.put("description", d.description() == null || d.description().isBlank() ? null : d.description().strip());
        return p;
    }

    private static TrainingRow training(ResultSet rs, int n) throws SQLException {
        return new TrainingRow(rs.getLong("id"), rs.getString("title"), TrainingTheme.valueOf(rs.getString("theme")),
                rs.getLong("organiser_organisation_id"), rs.getString("network_code"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getBigDecimal("hours"), TrainingMode.valueOf(rs.getString("mode")), rs.getString("description"),
                rs.getInt("version"), rs.getInt("attendees"), rs.getInt("trained"));
    }

    private static List<Integer> ints(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).intValue()).toList();
    }

    private static Integer[] array(List<Integer> values) {
        return values == null || values.isEmpty() ? null : values.toArray(Integer[]::new);
    }
}
