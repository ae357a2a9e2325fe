package it.labimpact.participant;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Participants for tests: typical data, registration as an actor, clean tables, audit since a point. */
public final class ParticipantFixtures {

    public static final String MILANO = "015146";
    public static final String CREMA = "019035";

    private ParticipantFixtures() {
    }

    /** A woman born in Morocco, living in Milano, first met three days ago. */
    public static ParticipantData person(String surname, String givenNames, LocalDate birthDate, String code) {
        return new ParticipantData(surname, givenNames, Sex.F, birthDate, "MA", "MA", code, MILANO,
                LocalDate.now().minusDays(3), "+39 333 1234567", null, List.of(Vulnerability.SINGLE_PARENT),
                PermitType.FAMILY, LocalDate.now().plusYears(1));
    }

    /** The lead organisation of a network (always an active member). */
    public static long leadOrganisation(JdbcClient jdbc, String network) {
        return jdbc.sql("select lead_organisation_id from partnership_network where code = :c").param("c", network)
                .query(Long.class).single();
    }

    public static Registration register(ParticipantRegistry registry, JdbcClient jdbc, Actor actor,
            ParticipantData data) {
        TestActors.actAs(actor);
        try {
            return registry.register(actor.networkCode(), leadOrganisation(jdbc, actor.networkCode()),
                    currentNotice(jdbc), data);
        } finally {
            TestActors.clear();
        }
    }

    public static int currentNotice(JdbcClient jdbc) {
        return jdbc.sql("select max(version) from participant_privacy_notice").query(Integer.class).single();
    }

    public static void reset(JdbcClient jdbc) {
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant_match_review", "participant_near_key", "participant_identity",
                "participant_vault", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from participant_privacy_notice where version > 1").update();
    }

    public static long lastAuditId(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    /** Audit rows written after {@code id}, oldest first. */
    public static List<Map<String, Object>> auditSince(JdbcClient jdbc, long id) {
        return jdbc.sql("""
                select actor, action, record_type, record_id, details::text as details
                from audit_event where id > :id order by id""").param("id", id).query().listOfRows();
    }

    public static UUID personOf(JdbcClient jdbc, UUID participant) {
        return jdbc.sql("select person_id from participant where id = :id").param("id", participant)
                .query(UUID.class).single();
    }
}
