package it.labimpact.activity;

import it.labimpact.shared.bulk.CopyRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of the activity module's tables with {@code COPY} (the synthetic data generator): activities (always
 * flagged {@code demo}), their co-delivering organisations and their sessions. Runs inside the caller's transaction.
 * Activity and session ids are given by the loader, consecutive from the returned first id (the tables are locked
 * against other inserts until the transaction ends, the identity sequences moved past them).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ActivityBulkLoad {

    /** A new activity, flagged demo; {@code createdOn} is its creation day. */
    public record NewActivity(String networkCode, String typeCode, String title, String description,
            String comuneIstat, LocalDate startDate, LocalDate endDate, BigDecimal plannedHours,
            List<String> languages, Integer capacity, ActivityStatus status, LocalDate createdOn) {
    }

    public record NewOrganisation(long activityId, long organisationId, boolean lead) {
    }

    public record NewSession(long activityId, LocalDate date, LocalTime from, LocalTime to, BigDecimal hours) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ActivityBulkLoad(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Inserts the activities with consecutive ids; returns the first id. */
    public long activities(List<NewActivity> activities) {
        long first = reserve("activity_activity");
        try (CopyRows copy = CopyRows.into(dataSource, "activity_activity", "id", "network_code", "type_code",
                "title", "description", "comune_istat", "start_date", "end_date", "planned_hours", "languages",
                "capacity", "status", "demo", "created_at", "updated_at")) {
            long id = first;
            for (NewActivity a : activities) {
                copy.add(id++).add(a.networkCode()).add(a.typeCode()).add(a.title()).add(a.description())
                        .add(a.comuneIstat()).add(a.startDate()).add(a.endDate())
                        .addRaw(a.plannedHours().toPlainString()).add("{" + String.join(",", a.languages()) + "}")
                        .add(a.capacity()).addRaw(a.status().name()).add(true)
                        .addRaw(a.createdOn() + " 09:00:00").addRaw(a.createdOn() + " 09:00:00");
                copy.endRow();
            }
            copy.finish();
        }
        moveSequence("activity_activity");
        return first;
    }

    public long organisations(Iterator<NewOrganisation> organisations) {
        try (CopyRows copy = CopyRows.into(dataSource, "activity_organisation", "activity_id", "organisation_id",
                "lead")) {
            while (organisations.hasNext()) {
                NewOrganisation o = organisations.next();
                copy.add(o.activityId()).add(o.organisationId()).add(o.lead());
                copy.endRow();
            }
            return copy.finish();
        }
    }

    /** Inserts the sessions with consecutive ids; returns the first id. */
    public long sessions(Iterator<NewSession> sessions) {
        long first = reserve("activity_session");
        try (CopyRows copy = CopyRows.into(dataSource, "activity_session", "id", "activity_id", "session_date",
                "start_time", "end_time", "hours")) {
            long id = first;
            while (sessions.hasNext()) {
                NewSession s = sessions.next();
                copy.add(id++).add(s.activityId()).add(s.date()).add(s.from()).add(s.to())
                        .addRaw(s.hours().toPlainString());
                copy.endRow();
            }
            copy.finish();
        }
        moveSequence("activity_session");
        return first;
    }

    private long reserve(String table) {
        jdbc.sql("lock table " + table + " in share row exclusive mode").update();
        return jdbc.sql("select coalesce(max(id), 0) + 1 from " + table).query(Long.class).single();
    }

    private void moveSequence(String table) {
        jdbc.sql("select setval(pg_get_serial_sequence('" + table + "', 'id'), greatest(1, (select max(id) from "
                + table + ")))").query().singleValue();
    }
}
