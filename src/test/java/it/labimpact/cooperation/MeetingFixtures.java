package it.labimpact.cooperation;

import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Governance data for tests, built on the seeded partnership and standing bodies, and the clean-up. */
final class MeetingFixtures {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Rome"));

    private MeetingFixtures() {
    }

    static Actor governance() {
        return new Actor(6, "test.governance", "Test Governance", Role.GOVERNANCE, ScopeType.PROJECT, null, null);
    }

    static long organisationId(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
    }

    static long table(JdbcClient jdbc, String network) {
        return jdbc.sql("select id from cooperation_governance_body where kind = 'NETWORK_TABLE' and network_code = :n")
                .param("n", network).query(Long.class).single();
    }

    static long steeringGroup(JdbcClient jdbc) {
        return jdbc.sql("select id from cooperation_governance_body where kind = 'STEERING_GROUP'")
                .query(Long.class).single();
    }

    /** An in-person meeting of the body on {@code day}, planned, inviting {@code invited}. */
    static MeetingData meeting(long body, LocalDate day, List<Long> invited) {
        return new MeetingData(body, day, LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingMode.IN_PERSON,
                "Sala consiliare", null, "Punto 1; punto 2", null, MeetingStatus.PLANNED, invited, null);
    }

    static MeetingData changed(MeetingData d, MeetingStatus status, String minutes, Integer version) {
        return new MeetingData(d.bodyId(), d.date(), d.startTime(), d.endTime(), d.mode(), d.place(), d.link(),
                d.agenda(), minutes, status, d.invitedIds(), version);
    }

    /** Removes the meetings and bodies the tests made (the seeded standing bodies stay, with their members). */
    static void clean(JdbcClient jdbc) {
        jdbc.sql("delete from cooperation_meeting where not demo").update();
        jdbc.sql("delete from cooperation_governance_body where kind = 'WORKING_GROUP' and not demo").update();
    }

    /**
     * Every meeting in the database, to compare before and after a refused change: other tests may leave theirs,
     * so a test asserts on the difference, never on an absolute number.
     */
    static long meetingCount(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from cooperation_meeting").query(Long.class).single();
    }

    static long lastAuditId(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    /** Audit actions written after {@code id}, oldest first, as "action record_type record_id". */
    static List<String> auditSince(JdbcClient jdbc, long id) {
        return jdbc.sql("select action || ' ' || record_type || ' ' || record_id from audit_event where id > :id "
                + "order by id").param("id", id).query(String.class).list();
    }

    static List<Map<String, Object>> facts(JdbcClient jdbc, long meeting) {
        return jdbc.sql("""
                select organisation_id, present, people, body_kind, network_code, held_on
                from cooperation_fact_meeting_attendance where meeting_id = :m order by organisation_id""")
                .param("m", meeting).query().listOfRows();
    }
}
