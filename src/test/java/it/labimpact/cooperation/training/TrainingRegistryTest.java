package it.labimpact.cooperation.training;

import static it.labimpact.cooperation.training.TrainingFixtures.attendee;
import static it.labimpact.cooperation.training.TrainingFixtures.training;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.cooperation.TrainingAnswers;
import it.labimpact.cooperation.TrainingAttendee;
import it.labimpact.cooperation.TrainingDetail;
import it.labimpact.cooperation.TrainingQuery;
import it.labimpact.cooperation.TrainingRegistry;
import it.labimpact.partnership.PartnershipManagement;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import java.time.LocalDate;
import java.util.List;
import it.labimpact.indicator.DrillRecord;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Trainings on the embedded database: the trained count, repeat attendance, lists saved whole, scope. */
@SpringBootTest
class TrainingRegistryTest {

    static final Actor GOVERNANCE = new Actor(6, "test.governance", "Test Governance", Role.GOVERNANCE,
            ScopeType.PROJECT, null, null);

    @Autowired
    TrainingRegistry trainings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Indicators indicators;

    @Autowired
    PartnershipManagement partnership;

    long milano;
    long ismu;
    long cremasca;
    long anci;

    @BeforeEach
    void seededPartnership() {
        TrainingFixtures.clean(jdbc);
        milano = TrainingFixtures.organisationId(jdbc, "Comune di Milano");
        cremasca = TrainingFixtures.organisationId(jdbc, "Comunità Sociale Cremasca");
        anci = TrainingFixtures.organisationId(jdbc, "ANCI Lombardia");
        ismu = TrainingFixtures.partnerOf(jdbc, partnership, "milano", "Fondazione ISMU");
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        TrainingFixtures.clean(jdbc);
    }

    @Test
    void operatorsTrainedCountEachPersonOnceByTheEndDateAndTheSeventyPerCentRule() {
        TestActors.actAs(TestActors.coordinator());
        // A: Milano, 10 h, ends 20/03/2026. Rossi 7 h (70 %: trained), Bianchi 6.5 h (65 %: not trained)
        long a = trainings.create(training("milano", milano, "2026-03-02", "2026-03-20", "10"));
        trainings.saveAttendance(a, 0, List.of(attendee("Rossi", "Maria", milano, "7"),
                attendee("Bianchi", "Luca", milano, "6.5")));
        // B: Milano, 4 h, ends 10/05/2026. The same Rossi (typed differently) 4 h: trained again, same person;
        // Verdi 3 h of 4 (75 %): trained
        long b = trainings.create(training("milano", ismu, "2026-05-04", "2026-05-10", "4"));
        trainings.saveAttendance(b, 0, List.of(attendee("ROSSI", "maria ", milano, null),
                attendee("Verdi", "Anna", ismu, "3")));
        // C: Cremasca, 8 h, ends 01/07/2026. Neri, full hours: trained. Rossi of Comune di Milano would not be a
        // member there, so the Cremasca list has only its own operator
        long c = trainings.create(training("cremasca", cremasca, "2026-06-29", "2026-07-01", "8"));
        trainings.saveAttendance(c, 0, List.of(attendee("Neri", "Paolo", cremasca, null)));

        // Q1 Milano: Rossi only (Bianchi below 70 %)
        assertThat(trainings.trainedOperators("milano", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)))
                .isEqualTo(1);
        // H1 Milano: Rossi (twice, counted once) and Verdi = 2
        assertThat(trainings.trainedOperators("milano", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)))
                .isEqualTo(2);
        // the year, whole project: Rossi, Verdi, Neri = 3; Cremasca alone: Neri = 1
        assertThat(trainings.trainedOperators(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isEqualTo(3);
        assertThat(trainings.trainedOperators("cremasca", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isEqualTo(1);
        // a period ending the day before C ends does not count C: Rossi and Verdi = 2
        assertThat(trainings.trainedOperators(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)))
                .isEqualTo(2);

        // the fact view: one row per attendance, Rossi's key the same in A and B, no names anywhere
        List<String> rossi = jdbc.sql("""
                select f.operator_key::text from cooperation_fact_operator_training f
                where f.training_id in (:a, :b) and f.organisation_id = :org and f.hours_attended in (7, 4)
                order by f.training_id""").param("a", a).param("b", b).param("org", milano)
                .query(String.class).list();
        assertThat(rossi).hasSize(2);
        assertThat(rossi.get(0)).isEqualTo(rossi.get(1));
        assertThat(jdbc.sql("select count(*) from cooperation_fact_operator_training where training_id in (:own)")
                .param("own", List.of(a, b, c)).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("""
                select trained from cooperation_fact_operator_training where training_id = :a and hours_attended = 6.5""")
                .param("a", a).query(Boolean.class).single()).isFalse();
        // Rossi, Bianchi, Verdi, Neri: four people behind the five attendances of these trainings
        assertThat(jdbc.sql("select count(distinct operator_key) from cooperation_fact_operator_training"
                + " where training_id in (:own)").param("own", List.of(a, b, c)).query(Long.class).single())
                .isEqualTo(4);

        // the same counts as the indicator "operators trained", computed from the fact view
        IndicatorResult q1 = indicators.compute(Period.quarter(2026, 1), null);
        assertThat(q1.value("P1-OPERATORS", "milano")).isEqualByComparingTo("1");
        assertThat(q1.value("P1-OPERATORS", null)).isEqualByComparingTo("1");
        IndicatorResult year = indicators.compute(Period.year(2026), null);
        assertThat(year.value("P1-OPERATORS", null)).isEqualByComparingTo("3");
        assertThat(year.value("P1-OPERATORS", "milano")).isEqualByComparingTo("2");
        assertThat(year.value("P1-OPERATORS", "cremasca")).isEqualByComparingTo("1");
        // the records behind Milano's number are its two trainings
        assertThat(indicators.records("P1-OPERATORS", Period.year(2026), "milano", null, null))
                .extracting(DrillRecord::id).containsExactlyInAnyOrder(Long.toString(a), Long.toString(b));
    }

    @Test
    void savingTheListAgainKeepsTheOperatorsKeysAndAnswersAndForgetsThoseRemoved() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = trainings.create(training("milano", milano, "2026-03-02", "2026-03-20", "10"));
        trainings.saveAttendance(id, 0, List.of(attendee("Rossi", "Maria", milano, "10"),
                attendee("Bianchi", "Luca", milano, "8")));
        TrainingAttendee rossi = byName(trainings.detail(id), "Rossi");
        trainings.saveAnswers(id, 1, List.of(new TrainingAnswers(rossi.id(), List.of(2, 2, 2, 2, 2),
                List.of(4, 4, 4, 4, 4))));

        // Bianchi leaves the list, Rossi's hours change, a newcomer arrives
        trainings.saveAttendance(id, 2, List.of(attendee("rossi", "MARIA", milano, "6"),
                attendee("Gialli", "Sara", ismu, null)));

        TrainingDetail detail = trainings.detail(id);
        assertThat(detail.attendees()).extracting(TrainingAttendee::surname).containsExactly("Gialli", "Rossi");
        TrainingAttendee again = byName(detail, "Rossi");
        assertThat(again.operatorKey()).isEqualTo(rossi.operatorKey());
        assertThat(again.hoursAttended()).isEqualByComparingTo("6");
        assertThat(again.trained()).isFalse();
        assertThat(again.pre()).containsExactly(2, 2, 2, 2, 2);
        assertThat(byName(detail, "Gialli").hoursAttended()).isEqualByComparingTo("10");
        assertThat(detail.summary().attendees()).isEqualTo(2);
        assertThat(detail.summary().trained()).isEqualTo(1);
        // Bianchi attended nothing else: his name is gone from the database
        assertThat(jdbc.sql("select count(*) from cooperation_training_operator where surname = 'Bianchi'")
                .query(Long.class).single()).isZero();
        // audited without names
        String details = jdbc.sql("""
                select details::text from audit_event where action = 'training.attendance.save' order by id desc limit 1""")
                .query(String.class).single();
        assertThat(details).contains("\"attendees\": 2").doesNotContain("Rossi").doesNotContain("Gialli");
    }

    @Test
    void selfAssessmentAveragesAreComputedOverTheStoredAnswers() {
        TestActors.actAs(TestActors.lead("milano"));
        long id = trainings.create(training("milano", milano, "2026-03-02", "2026-03-20", "10"));
        trainings.saveAttendance(id, 0, List.of(attendee("Rossi", "Maria", milano, null),
                attendee("Bianchi", "Luca", milano, null), attendee("Verdi", "Anna", ismu, null)));
        TrainingDetail before = trainings.detail(id);
        // Rossi: 1,2,3,2,2 (mean 2.0) → 3,3,4,3,2 (mean 3.0): +1.0
        // Bianchi: 4,4,4,4,4 (4.0) → 5,5,4,4,5 (4.6): +0.6
        // Verdi: before only, not a respondent
        // respondents 2; mean before (2.0 + 4.0) / 2 = 3.00, after (3.0 + 4.6) / 2 = 3.80, change (1.0 + 0.6) / 2 = 0.80
        // statement 3: before (3 + 4) / 2 = 3.50, after (4 + 4) / 2 = 4.00, change +0.50
        trainings.saveAnswers(id, before.data().version(), List.of(
                new TrainingAnswers(byName(before, "Rossi").id(), List.of(1, 2, 3, 2, 2), List.of(3, 3, 4, 3, 2)),
                new TrainingAnswers(byName(before, "Bianchi").id(), List.of(4, 4, 4, 4, 4), List.of(5, 5, 4, 4, 5)),
                new TrainingAnswers(byName(before, "Verdi").id(), List.of(3, 3, 3, 3, 3), List.of())));

        var sa = trainings.detail(id).selfAssessment();
        assertThat(sa.respondents()).isEqualTo(2);
        assertThat(sa.averagePre()).isEqualByComparingTo("3.00");
        assertThat(sa.averagePost()).isEqualByComparingTo("3.80");
        assertThat(sa.averageChange()).isEqualByComparingTo("0.80");
        assertThat(sa.statements().get(2).averagePre()).isEqualByComparingTo("3.50");
        assertThat(sa.statements().get(2).change()).isEqualByComparingTo("0.50");

        // a phase half answered is refused, and nothing of that save is kept
        int version = trainings.detail(id).data().version();
        List<TrainingAnswers> partial = List.of(
                new TrainingAnswers(byName(before, "Verdi").id(), List.of(3, 3, 3, 3, 3), List.of(4, 4, 4, 4, 4)),
                new TrainingAnswers(byName(before, "Rossi").id(), List.of(1, 2, 3, 2, 2), java.util.Arrays.asList(
                        5, null, 5, 5, 5)));
        assertThatThrownBy(() -> trainings.saveAnswers(id, version, partial))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("answers[1].post"));
        assertThat(byName(trainings.detail(id), "Verdi").post()).isEmpty();
    }

    @Test
    void anAttendanceListIsSavedWholeOrNotAtAll() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = trainings.create(training("milano", milano, "2026-03-02", "2026-03-20", "10"));
        trainings.saveAttendance(id, 0, List.of(attendee("Rossi", "Maria", milano, null)));

        // row 2 names an organisation that is not a member of Rete Milano
        assertThatThrownBy(() -> trainings.saveAttendance(id, 1, List.of(attendee("Rossi", "Maria", milano, "5"),
                attendee("Neri", "Paolo", cremasca, null))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("attendees[1].organisationId");
                    assertThat(e.messageKey()).isEqualTo("training.attendee.notMember");
                });
        // the same person twice
        assertThatThrownBy(() -> trainings.saveAttendance(id, 1, List.of(attendee("Rossi", "Maria", milano, "5"),
                attendee("ROSSI", "Maria", milano, "3"))))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.attendee.duplicate"));
        // more hours than the training has
        assertThatThrownBy(() -> trainings.saveAttendance(id, 1, List.of(attendee("Rossi", "Maria", milano, "11"))))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("attendees[0].hoursAttended"));
        // nothing changed: Rossi still has all ten hours, the version is still 1
        TrainingDetail detail = trainings.detail(id);
        assertThat(detail.attendees()).singleElement()
                .satisfies(a -> assertThat(a.hoursAttended()).isEqualByComparingTo("10"));
        assertThat(detail.data().version()).isEqualTo(1);

        // a stale version: somebody saved in between
        assertThatThrownBy(() -> trainings.saveAttendance(id, 0, List.of()))
                .isInstanceOf(ConcurrentEditException.class);
        // planned hours cannot drop below what someone attended; the network cannot change with attendance
        var data = TrainingFixtures.withVersion(training("milano", milano, "2026-03-02", "2026-03-20", "10"), "9", 1);
        assertThatThrownBy(() -> trainings.update(id, data)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.field()).isEqualTo("hours"));
    }

    @Test
    void networksSeeTheirOwnTrainingsAndProjectWideOnesWithoutNames() {
        long milanoTraining = TestActors.call(TestActors.operator("milano"), () -> {
            long id = trainings.create(training("milano", milano, "2026-03-02", "2026-03-20", "10"));
            trainings.saveAttendance(id, 0, List.of(attendee("Rossi", "Maria", milano, null)));
            return id;
        });
        long project = TestActors.call(GOVERNANCE, () -> {
            long id = trainings.create(training(null, anci, "2026-04-01", "2026-04-02", "12"));
            trainings.saveAttendance(id, 0, List.of(attendee("Neri", "Paolo", cremasca, null),
                    attendee("Verdi", "Anna", milano, null)));
            return id;
        });

        TestActors.actAs(TestActors.lead("cremasca"));
        // another network's training, also by a forged id, is not found; its attendance cannot be touched either
        assertThatThrownBy(() -> trainings.detail(milanoTraining)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> trainings.saveAttendance(milanoTraining, 1, List.of()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(trainings.trainings(new TrainingQuery(null, null, null, null), new PageRequest(0, 50)).items())
                .extracting(t -> t.id()).contains(project).doesNotContain(milanoTraining);
        assertThat(trainings.trainings(new TrainingQuery("milano", null, null, null), new PageRequest(0, 50)).items())
                .extracting(t -> t.id()).doesNotContain(milanoTraining);
        // a project-wide training: counts yes, names no, and only governance and coordination change it
        TrainingDetail seen = trainings.detail(project);
        assertThat(seen.namesVisible()).isFalse();
        assertThat(seen.attendees()).isEmpty();
        assertThat(seen.summary().attendees()).isEqualTo(2);
        assertThatThrownBy(() -> trainings.saveAttendance(project, 1, List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trainings.create(training(null, cremasca, "2026-04-01", "2026-04-02", "2")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.network.projectNotAllowed"));
        assertThatThrownBy(() -> trainings.create(training("milano", cremasca, "2026-04-01", "2026-04-02", "2")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.network.foreign"));
        // a lead counts the operators trained in their own network only, whatever network they ask for
        assertThat(trainings.trainedOperators("milano", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isZero();
        TestActors.clear();

        // governance reads names everywhere but does not change a network's training
        TestActors.actAs(GOVERNANCE);
        assertThat(trainings.detail(project).attendees()).hasSize(2);
        assertThat(trainings.detail(milanoTraining).namesVisible()).isTrue();
        assertThatThrownBy(() -> trainings.saveAttendance(milanoTraining, 1, List.of()))
                .isInstanceOf(AccessDeniedException.class);
        TestActors.clear();

        // evaluators do not read trainings (the indicators give them the counts)
        TestActors.actAs(TestActors.evaluator());
        assertThatThrownBy(() -> trainings.detail(project)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void answersForAnAttendeeOfAnotherTrainingAreNotFound() {
        TestActors.actAs(TestActors.coordinator());
        long one = trainings.create(training("milano", milano, "2026-03-02", "2026-03-20", "10"));
        trainings.saveAttendance(one, 0, List.of(attendee("Rossi", "Maria", milano, null)));
        long two = trainings.create(training("cremasca", cremasca, "2026-03-02", "2026-03-20", "10"));
        trainings.saveAttendance(two, 0, List.of(attendee("Neri", "Paolo", cremasca, null)));
        long neri = trainings.detail(two).attendees().get(0).id();

        assertThatThrownBy(() -> trainings.saveAnswers(one, 1, List.of(new TrainingAnswers(neri,
                List.of(1, 1, 1, 1, 1), List.of()))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(trainings.detail(two).attendees().get(0).pre()).isEmpty();
    }

    private static TrainingAttendee byName(TrainingDetail detail, String surname) {
        return detail.attendees().stream().filter(a -> a.surname().equalsIgnoreCase(surname)).findFirst()
                .orElseThrow();
    }
}
