package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enrolments, attendance and completion against the database: the network rules, duplicates, dates, hours,
 * withdrawn enrolments, all-or-nothing session saves, the completion threshold, optimistic locking, scope and
 * the audit trail.
 */
@SpringBootTest
class EnrolmentsTest {

    static final LocalDate BORN = LocalDate.of(1990, 3, 12);
    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");

    @Autowired
    Enrolments enrolments;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ActivityManagement management;

    @Autowired
    JdbcClient jdbc;

    UUID awa;
    UUID karim;
    UUID cremaschi;
    EnrolmentFixtures.Course course;
    EnrolmentFixtures.Course cremascaCourse;

    @BeforeEach
    void data() {
        EnrolmentFixtures.reset(jdbc);
        awa = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null)).participantId();
        karim = register(registry, jdbc, MILANO, person("Mohamed", "Karim", BORN, null)).participantId();
        cremaschi = register(registry, jdbc, CREMASCA, person("Bianchi", "Aziz", BORN, null)).participantId();
        // 10 planned hours, ten sessions of one hour, the last of two
        course = EnrolmentFixtures.course(management, jdbc, "milano", "10", "1", "1", "1", "1", "1", "1", "1", "1",
                "1", "2");
        cremascaCourse = EnrolmentFixtures.course(management, jdbc, "cremasca", "10", "2");
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        EnrolmentFixtures.reset(jdbc);
    }

    @Test
    void enrolsAParticipantOnceInAnActivityOfTheirNetwork() {
        TestActors.actAs(MILANO);
        long before = ParticipantFixtures.lastAuditId(jdbc);
        EnrolmentView e = enrolments.enrol(awa, course.id(), null);
        assertThat(e.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(e.enrolledOn()).isEqualTo(LocalDate.now());
        assertThat(ParticipantFixtures.auditSince(jdbc, before)).extracting(r -> r.get("action"))
                .containsExactly("enrolment.create");

        assertThatThrownBy(() -> enrolments.enrol(awa, course.id(), null))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        v -> assertThat(v.messageKey()).isEqualTo("enrolment.duplicate"));
        assertThat(count("participant_enrolment")).isEqualTo(1);
    }

    @Test
    void refusesAnActivityOfAnotherNetwork() {
        TestActors.actAs(TestActors.coordinator());
        assertThatThrownBy(() -> enrolments.enrol(awa, cremascaCourse.id(), null))
                .isInstanceOfSatisfying(RuleViolationException.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("enrolment.otherNetwork");
                    assertThat(v.field()).isEqualTo("activityId");
                });
        TestActors.actAs(MILANO);
        assertThatThrownBy(() -> enrolments.enrol(awa, cremascaCourse.id(), null))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> enrolments.enrol(cremaschi, course.id(), null))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(count("participant_enrolment")).isZero();
    }

    @Test
    void refusesImpossibleDates() {
        TestActors.actAs(MILANO);
        assertThatThrownBy(() -> enrolments.enrol(awa, course.id(), LocalDate.now().plusDays(61)))
                .hasFieldOrPropertyWithValue("messageKey", "enrolment.date.afterEnd");
        assertThatThrownBy(() -> enrolments.enrol(awa, course.id(), LocalDate.now().minusDays(30)))
                .hasFieldOrPropertyWithValue("messageKey", "enrolment.date.impossible");
        EnrolmentView e = enrolments.enrol(awa, course.id(), null);
        TestActors.actAs(TestActors.coordinator());
        long tomorrow = management.addSession(course.id(), new it.labimpact.activity.SessionData(
                LocalDate.now().plusDays(1), null, null, BigDecimal.ONE, null, null));
        TestActors.actAs(MILANO);
        assertThatThrownBy(() -> enrolments.recordSession(course.id(), tomorrow, 0,
                List.of(new AttendanceMark(e.id(), true, null))))
                .hasFieldOrPropertyWithValue("messageKey", "attendance.session.future");
        assertThat(count("participant_attendance")).isZero();
        assertThatThrownBy(() -> enrolments.change(e.id(), e.version(), EnrolmentStatus.WITHDRAWN, "Moved away",
                LocalDate.now().minusDays(1))).hasFieldOrPropertyWithValue("messageKey", "enrolment.date.impossible");
        assertThatThrownBy(() -> enrolments.change(e.id(), e.version(), EnrolmentStatus.WITHDRAWN, "Moved away",
                LocalDate.now().plusDays(1))).hasFieldOrPropertyWithValue("messageKey", "enrolment.date.impossible");
    }

    @Test
    void refusesHoursOutsideTheSessionAndWritesNothingOfAFailedSession() {
        TestActors.actAs(MILANO);
        long a = enrolments.enrol(awa, course.id(), null).id();
        long k = enrolments.enrol(karim, course.id(), null).id();
        long s = course.sessions().get(0);
        long version = enrolments.register(course.id()).sessionVersions().get(s);

        for (var bad : List.of(new BigDecimal("-0.5"), new BigDecimal("1.25"))) {
            assertThatThrownBy(() -> enrolments.recordSession(course.id(), s, version,
                    List.of(new AttendanceMark(a, true, null), new AttendanceMark(k, true, bad))))
                    .isInstanceOfSatisfying(RuleViolationException.class, v -> assertThat(v.field()).isEqualTo("hours"));
        }
        assertThatThrownBy(() -> enrolments.recordSession(course.id(), s, version,
                List.of(new AttendanceMark(a, true, null), new AttendanceMark(k, false, BigDecimal.ONE))))
                .hasFieldOrPropertyWithValue("messageKey", "attendance.hours.absent");
        assertThat(count("participant_attendance")).isZero();

        enrolments.recordSession(course.id(), s, version,
                List.of(new AttendanceMark(a, true, null), new AttendanceMark(k, true, new BigDecimal("0.5"))));
        Map<Long, BigDecimal> hours = jdbc.sql("select enrolment_id, hours from participant_attendance")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(hours.get(a)).isEqualByComparingTo("1");
        assertThat(hours.get(k)).isEqualByComparingTo("0.5");
        assertThat(enrolments.enrolment(a).status()).isEqualTo(EnrolmentStatus.ATTENDING);

        TestActors.actAs(TestActors.coordinator());
        assertThatThrownBy(() -> management.deleteSession(course.id(), s, 0))
                .hasFieldOrPropertyWithValue("messageKey", "session.delete.referenced");
        assertThat(count("participant_attendance")).isEqualTo(2);
    }

    @Test
    void recordsAttendanceOnlyForSessionsAndEnrolmentsOfTheActivity() {
        TestActors.actAs(TestActors.coordinator());
        long a = enrolments.enrol(awa, course.id(), null).id();
        long c = enrolments.enrol(cremaschi, cremascaCourse.id(), null).id();
        long foreignSession = cremascaCourse.sessions().get(0);
        assertThatThrownBy(() -> enrolments.recordSession(course.id(), foreignSession, 0,
                List.of(new AttendanceMark(a, true, null))))
                .hasFieldOrPropertyWithValue("messageKey", "attendance.session.otherActivity");
        long s = course.sessions().get(0);
        long version = enrolments.register(course.id()).sessionVersions().get(s);
        assertThatThrownBy(() -> enrolments.recordSession(course.id(), s, version,
                List.of(new AttendanceMark(a, true, null), new AttendanceMark(c, true, null))))
                .hasFieldOrPropertyWithValue("messageKey", "attendance.enrolment.otherActivity");
        assertThat(count("participant_attendance")).isZero();
    }

    @Test
    void aWithdrawnEnrolmentKeepsItsAttendanceAndTakesNoNewOne() {
        TestActors.actAs(MILANO);
        EnrolmentView e = enrolments.enrol(awa, course.id(), null);
        long s0 = course.sessions().get(0);
        enrolments.recordSession(course.id(), s0, 0, List.of(new AttendanceMark(e.id(), true, null)));
        EnrolmentView current = enrolments.enrolment(e.id());
        assertThatThrownBy(() -> enrolments.change(e.id(), current.version(), EnrolmentStatus.WITHDRAWN, " ", null))
                .hasFieldOrPropertyWithValue("messageKey", "enrolment.reason.required");
        EnrolmentView withdrawn = enrolments.change(e.id(), current.version(), EnrolmentStatus.WITHDRAWN,
                "Found a job", null);
        assertThat(withdrawn.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("Found a job");
        assertThat(withdrawn.attendedHours()).isEqualByComparingTo("1");

        long s1 = course.sessions().get(1);
        long version = enrolments.register(course.id()).sessionVersions().get(s1);
        assertThatThrownBy(() -> enrolments.recordSession(course.id(), s1, version,
                List.of(new AttendanceMark(e.id(), true, null))))
                .hasFieldOrPropertyWithValue("messageKey", "attendance.withdrawn");
        assertThat(count("participant_attendance")).isEqualTo(1);

        EnrolmentView back = enrolments.change(e.id(), withdrawn.version(), EnrolmentStatus.ENROLLED, null, null);
        assertThat(back.status()).isEqualTo(EnrolmentStatus.ATTENDING);
        assertThat(back.withdrawalReason()).isNull();
    }

    @Test
    void completesAtSeventyPercentOfThePlannedHoursAndNotAtSixtyNine() {
        TestActors.actAs(MILANO);
        long a = enrolments.enrol(awa, course.id(), null).id();
        long k = enrolments.enrol(karim, course.id(), null).id();
        for (int i = 0; i < 7; i++) {
            long s = course.sessions().get(i);
            BigDecimal karimHours = i == 6 ? new BigDecimal("0.9") : null;
            enrolments.recordSession(course.id(), s, enrolments.register(course.id()).sessionVersions().get(s),
                    List.of(new AttendanceMark(a, true, null), new AttendanceMark(k, true, karimHours)));
        }
        EnrolmentView awaNow = enrolments.enrolment(a);
        assertThat(awaNow.attendedHours()).isEqualByComparingTo("7");
        assertThat(awaNow.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        // ended on the last session attended, never before the enrolment (recorded today, after the sessions)
        assertThat(awaNow.endedOn()).isEqualTo(awaNow.enrolledOn());
        EnrolmentView karimNow = enrolments.enrolment(k);
        assertThat(karimNow.attendedHours()).isEqualByComparingTo("6.9");
        assertThat(karimNow.status()).isEqualTo(EnrolmentStatus.ATTENDING);
        assertThat(karimNow.completionMet()).isFalse();
        assertThatThrownBy(() -> enrolments.change(k, karimNow.version(), EnrolmentStatus.COMPLETED, null, null))
                .hasFieldOrPropertyWithValue("messageKey", "enrolment.status.completedByRule");

        // a correction below the threshold takes the completion back; recomputing agrees
        long s6 = course.sessions().get(6);
        enrolments.recordSession(course.id(), s6, enrolments.register(course.id()).sessionVersions().get(s6),
                List.of(new AttendanceMark(a, false, null)));
        assertThat(enrolments.enrolment(a).status()).isEqualTo(EnrolmentStatus.ATTENDING);
        assertThat(enrolments.recompute(a).status()).isEqualTo(EnrolmentStatus.ATTENDING);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'enrolment.status' and record_id = :id")
                .param("id", String.valueOf(a)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aStaleVersionIsAConflictAndLosesNothing() {
        TestActors.actAs(MILANO);
        EnrolmentView e = enrolments.enrol(awa, course.id(), null);
        enrolments.change(e.id(), e.version(), EnrolmentStatus.WITHDRAWN, "First reason", null);
        assertThatThrownBy(() -> enrolments.change(e.id(), e.version(), EnrolmentStatus.WITHDRAWN, "Second reason",
                null)).isInstanceOf(ConcurrentEditException.class);
        assertThat(enrolments.enrolment(e.id()).withdrawalReason()).isEqualTo("First reason");

        long k = enrolments.enrol(karim, course.id(), null).id();
        long s = course.sessions().get(0);
        long read = enrolments.register(course.id()).sessionVersions().get(s);
        enrolments.recordSession(course.id(), s, read, List.of(new AttendanceMark(k, true, null)));
        assertThatThrownBy(() -> enrolments.recordSession(course.id(), s, read,
                List.of(new AttendanceMark(k, false, null)))).isInstanceOf(ConcurrentEditException.class);
        assertThat(jdbc.sql("select present from participant_attendance").query(Boolean.class).single()).isTrue();
    }

    @Test
    void anotherNetworkNeitherSeesNorChangesEnrolmentsEvenById() {
        TestActors.actAs(CREMASCA);
        EnrolmentView theirs = enrolments.enrol(cremaschi, cremascaCourse.id(), null);
        TestActors.actAs(MILANO);
        enrolments.enrol(awa, course.id(), null);
        assertThat(enrolments.list(null, null, new PageRequest(0, 50)).items()).extracting(EnrolmentView::participantId)
                .containsExactly(awa);
        assertThat(enrolments.list(cremascaCourse.id(), null, new PageRequest(0, 50)).items()).isEmpty();
        assertThatThrownBy(() -> enrolments.enrolment(theirs.id())).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> enrolments.change(theirs.id(), theirs.version(), EnrolmentStatus.WITHDRAWN, "No",
                null)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> enrolments.register(cremascaCourse.id())).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> enrolments.recordSession(cremascaCourse.id(), cremascaCourse.sessions().get(0), 0,
                List.of(new AttendanceMark(theirs.id(), true, null)))).isInstanceOf(RecordNotFoundException.class);
        TestActors.actAs(CREMASCA);
        assertThat(enrolments.enrolment(theirs.id()).status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(count("participant_attendance")).isZero();
    }

    @Test
    void theRegisterShowsNamesAndTotalsAndAuditsTheReadOnce() {
        TestActors.actAs(MILANO);
        long a = enrolments.enrol(awa, course.id(), null).id();
        enrolments.enrol(karim, course.id(), null);
        long s = course.sessions().get(9);
        enrolments.recordSession(course.id(), s, 0, List.of(new AttendanceMark(a, true, new BigDecimal("1.5"))));
        long before = ParticipantFixtures.lastAuditId(jdbc);
        ClassRegister register = enrolments.register(course.id());
        assertThat(register.rows()).extracting(ClassRegister.Row::name).containsExactly("Mohamed Karim", "Ndiaye Awa");
        ClassRegister.Row row = register.rows().get(1);
        assertThat(row.attendedHours()).isEqualByComparingTo("1.5");
        assertThat(row.cell(s).present()).isTrue();
        assertThat(register.threshold()).isEqualByComparingTo("0.70");
        assertThat(ParticipantFixtures.auditSince(jdbc, before)).extracting(r -> r.get("action"))
                .containsExactly("participant.read");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
