package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.ActivityTypeData;
import it.labimpact.activity.ActivityTypeView;
import it.labimpact.shared.Actor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completion follows the plan: when an activity's planned hours or its type's threshold change, the activity
 * module announces it and the enrolments' statuses are brought up to date without anyone recomputing them.
 */
@SpringBootTest
class EnrolmentsFollowTheActivityPlanTest {

    static final Actor MILANO = TestActors.operator("milano");

    @Autowired
    Enrolments enrolments;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ActivityManagement management;

    @Autowired
    ActivityCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    EnrolmentFixtures.Course course;
    long enrolment;
    ActivityTypeView italian;

    @BeforeEach
    void sixHoursOfTenAttended() {
        EnrolmentFixtures.reset(jdbc);
        italian = catalogue.type("ITALIAN_L2").orElseThrow();
        UUID awa = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", LocalDate.of(1990, 3, 12), null))
                .participantId();
        course = EnrolmentFixtures.course(management, jdbc, "milano", "10", "2", "2", "2");
        TestActors.actAs(MILANO);
        enrolment = enrolments.enrol(awa, course.id(), null).id();
        for (long session : course.sessions()) {
            enrolments.recordSession(course.id(), session, enrolments.register(course.id()).sessionVersions()
                    .get(session), List.of(new AttendanceMark(enrolment, true, null)));
        }
        // 6 of 10 planned hours: 60 %, below the 70 % of Italian courses
        assertThat(enrolments.enrolment(enrolment).status()).isEqualTo(EnrolmentStatus.ATTENDING);
    }

    @AfterEach
    void restore() {
        TestActors.actAs(TestActors.coordinator());
        ActivityTypeView now = catalogue.type("ITALIAN_L2").orElseThrow();
        if (now.completionThreshold().compareTo(italian.completionThreshold()) != 0) {
            management.updateType("ITALIAN_L2", data(now, italian.completionThreshold()));
        }
        TestActors.clear();
        EnrolmentFixtures.reset(jdbc);
    }

    @Test
    void fewerPlannedHoursCompleteTheEnrolment() {
        replan("8");

        // 6 of 8 planned hours: 75 %
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(enrolments.enrolment(enrolment).status()).isEqualTo(EnrolmentStatus.COMPLETED));
        replan("12");
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(enrolments.enrolment(enrolment).status()).isEqualTo(EnrolmentStatus.ATTENDING));
    }

    @Test
    void aLowerThresholdForTheTypeCompletesTheEnrolment() {
        TestActors.actAs(TestActors.coordinator());
        management.updateType("ITALIAN_L2", data(italian, new BigDecimal("0.60")));
        TestActors.actAs(MILANO);

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(enrolments.enrolment(enrolment).status()).isEqualTo(EnrolmentStatus.COMPLETED));
        assertThat(jdbc.sql("select actor from audit_event where action = 'enrolment.status' and record_id = :id "
                + "order by id desc limit 1").param("id", String.valueOf(enrolment)).query(String.class).single())
                .as("the change is the system's, not a person's").isEqualTo("system");
    }

    private void replan(String plannedHours) {
        TestActors.actAs(TestActors.coordinator());
        var row = jdbc.sql("select start_date, version, comune_istat from activity_activity where id = :id")
                .param("id", course.id()).query().singleRow();
        LocalDate start = ((java.sql.Date) row.get("start_date")).toLocalDate();
        management.update(course.id(), new ActivityData("Corso di italiano – test", "ITALIAN_L2", "milano",
                ParticipantFixtures.leadOrganisation(jdbc, "milano"), List.of(), ((String) row.get("comune_istat")),
                null, start, start.plusDays(60), new BigDecimal(plannedHours), List.of("it"), null, null, null,
                ActivityStatus.ONGOING, (Integer) row.get("version")));
        TestActors.actAs(MILANO);
    }

    private static ActivityTypeData data(ActivityTypeView type, BigDecimal threshold) {
        return new ActivityTypeData(type.code(), type.action(), type.labelIt(), type.labelEn(), type.countsFor(),
                threshold, type.active(), type.version());
    }
}
