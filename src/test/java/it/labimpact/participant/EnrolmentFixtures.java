package it.labimpact.participant;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.SessionData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Activities with sessions for enrolment tests, and the clean-up of what the tests made. */
final class EnrolmentFixtures {

    /** An activity and its session ids, in date order. */
    record Course(long id, List<Long> sessions) {
    }

    private EnrolmentFixtures() {
    }

    /**
     * An Italian course of the network, from 20 days ago to 40 days ahead, of {@code planned} hours, with one
     * session a day of {@code sessionHours} each. Created as a coordinator.
     */
    static Course course(ActivityManagement management, JdbcClient jdbc, String network, String planned,
            String... sessionHours) {
        TestActors.actAs(TestActors.coordinator());
        try {
            LocalDate start = LocalDate.now().minusDays(20);
            long lead = ParticipantFixtures.leadOrganisation(jdbc, network);
            long id = management.create(new ActivityData("Corso di italiano – test", "ITALIAN_L2", network, lead,
                    List.of(), network.equals("milano") ? ParticipantFixtures.MILANO : ParticipantFixtures.CREMA,
                    null, start, start.plusDays(60), new BigDecimal(planned), List.of("it"), null, null, null,
                    ActivityStatus.ONGOING, null));
            List<Long> sessions = new ArrayList<>();
            for (int i = 0; i < sessionHours.length; i++) {
                sessions.add(management.addSession(id, new SessionData(start.plusDays(i), null, null,
                        new BigDecimal(sessionHours[i]), null, null)));
            }
            return new Course(id, sessions);
        } finally {
            TestActors.clear();
        }
    }

    /** Removes enrolments, attendance, participants and the activities tests made (demo ones stay). */
    static void reset(JdbcClient jdbc) {
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from activity_activity where not demo").update();
    }
}
