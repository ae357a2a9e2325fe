package it.labimpact;

import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.SessionData;
import it.labimpact.participant.AttendanceMark;
import it.labimpact.participant.ClassRegister;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data for indicator, dashboard and report tests, built through the modules' own facades (vault, de-duplication,
 * rules and audit included): activities with two-hour sessions, registered participants, enrolments and whole-session
 * attendance, each as the user who would do it.
 */
public final class IndicatorFixtures {

    private final ActivityManagement activities;
    private final ParticipantRegistry registry;
    private final Enrolments enrolments;
    private final JdbcClient jdbc;

    public IndicatorFixtures(ActivityManagement activities, ParticipantRegistry registry, Enrolments enrolments,
            JdbcClient jdbc) {
        this.activities = activities;
        this.registry = registry;
        this.enrolments = enrolments;
        this.jdbc = jdbc;
    }

    /** An ongoing activity of the network, led by its lead partner, 20 planned hours; created by a coordinator. */
    public long activity(String title, String network, String type, String comune, String from, String to,
            List<Long> partners) {
        return TestActors.call(TestActors.coordinator(), () -> activities.create(new ActivityData(title, type,
                network, lead(network), partners, comune, null, LocalDate.parse(from), LocalDate.parse(to),
                new BigDecimal("20"), List.of("it"), null, null, null, ActivityStatus.ONGOING, null)));
    }

    /** A two-hour session on {@code day}. */
    public long session(long activity, String day) {
        return TestActors.call(TestActors.coordinator(), () -> activities.addSession(activity, new SessionData(
                LocalDate.parse(day), null, null, new BigDecimal("2"), null, null)));
    }

    /** Registers a participant as an operator of the network, with the privacy notice in force. */
    public UUID register(String network, ParticipantData data) {
        return TestActors.call(TestActors.operator(network), () -> registry.register(network, lead(network), notice(),
                data).participantId());
    }

    /** Enrols the people on {@code enrolledOn} and marks them all present at the session, as an operator. */
    public void attend(String network, long activity, long session, List<UUID> people, String enrolledOn) {
        TestActors.run(TestActors.operator(network), () -> mark(activity, session, people.stream().collect(
                java.util.stream.Collectors.toMap(p -> enrolments.enrol(p, activity, LocalDate.parse(enrolledOn))
                        .id(), p -> true))));
    }

    /** Saves a whole session's attendance (enrolment id → present) as the current actor. */
    public void mark(long activity, long session, Map<Long, Boolean> present) {
        ClassRegister register = enrolments.register(activity);
        enrolments.recordSession(activity, session, register.sessionVersions().get(session), present.entrySet()
                .stream().map(e -> new AttendanceMark(e.getKey(), e.getValue(),
                        e.getValue() ? new BigDecimal("2") : BigDecimal.ZERO)).toList());
    }

    public long lead(String network) {
        return jdbc.sql("select lead_organisation_id from partnership_network where code = :c").param("c", network)
                .query(Long.class).single();
    }

    public int notice() {
        return jdbc.sql("select max(version) from participant_privacy_notice").query(Integer.class).single();
    }
}
