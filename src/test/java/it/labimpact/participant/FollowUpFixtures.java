package it.labimpact.participant;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Activities for the assessment, outcome and survey tests, and their clean-up. */
final class FollowUpFixtures {

    static final String COURSE = "Corso di italiano L2 – test follow-up";

    private FollowUpFixtures() {
    }

    /** A course of the network in its seat's comune, created by a coordinator. */
    static long course(ActivityManagement management, JdbcClient jdbc, String network, String comune) {
        TestActors.actAs(TestActors.coordinator());
        try {
            return management.create(new ActivityData(COURSE, "ITALIAN_L2", network,
                    ParticipantFixtures.leadOrganisation(jdbc, network), List.of(), comune, "Via Roma 1",
                    LocalDate.now().minusDays(30), LocalDate.now().plusDays(30), new BigDecimal("60"), List.of("it"),
                    20, "Adulti", null, ActivityStatus.PLANNED, null));
        } finally {
            TestActors.clear();
        }
    }

    static void clean(JdbcClient jdbc) {
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from activity_activity where title = :t").param("t", COURSE).update();
    }
}
