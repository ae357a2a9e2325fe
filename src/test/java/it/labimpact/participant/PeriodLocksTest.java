package it.labimpact.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.SessionData;
import it.labimpact.activity.SessionView;
import it.labimpact.indicator.Period;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PeriodLockedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Facts dated in a quarter the coordinator has approved for a network cannot change: enrolments (created, withdrawn,
 * back to active), the class register, assessments and outcomes (recorded, or corrected from or into the quarter),
 * sessions (added, moved from or into it, deleted). The refusal names the quarter, on pages and in the API (422).
 * The previous quarter is approved for Milano; the current one stays open; Cremasca is not locked at all.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PeriodLocksTest {

    static final String M = "milano";
    static final Actor OPERATOR = TestActors.operator(M);

    @Autowired Enrolments enrolments;
    @Autowired Assessments assessments;
    @Autowired Outcomes outcomes;
    @Autowired ParticipantRegistry registry;
    @Autowired ActivityManagement activities;
    @Autowired ActivityCatalogue catalogue;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    LocalDate today = LocalDate.now();
    LocalDate lockedStart;
    LocalDate locked;
    String lockedCode;
    long course;
    long lockedSession;
    long openSession;
    UUID awa;

    @BeforeEach
    void data() {
        clean();
        LocalDate currentStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        lockedStart = currentStart.minusMonths(3);
        locked = lockedStart.plusDays(14);
        lockedCode = lockedStart.getYear() + "-Q" + ((lockedStart.getMonthValue() - 1) / 3 + 1);
        TestActors.actAs(TestActors.coordinator());
        course = activities.create(new ActivityData("Corso – periodi chiusi", "ITALIAN_L2", M,
                ParticipantFixtures.leadOrganisation(jdbc, M), List.of(), ParticipantFixtures.MILANO, null,
                lockedStart, today.plusDays(30), new BigDecimal("40"), List.of("it"), null, null, null,
                ActivityStatus.ONGOING, null));
        lockedSession = activities.addSession(course, session(locked, null));
        openSession = activities.addSession(course, session(today, null));
        TestActors.clear();
        awa = ParticipantFixtures.register(registry, jdbc, OPERATOR, new ParticipantData("Ndiaye", "Awa", Sex.F,
                LocalDate.of(1990, 3, 12), "SN", "SN", null, ParticipantFixtures.MILANO, lockedStart, null, null,
                List.of(), null, null)).participantId();
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from indicator_submission").update();
        jdbc.sql("delete from participant_outcome").update();
        jdbc.sql("delete from participant_assessment").update();
        EnrolmentFixtures.reset(jdbc);
    }

    @Test
    void enrolmentsDatedInTheQuarterAreNeitherCreatedNorEnded() {
        UUID karim = ParticipantFixtures.register(registry, jdbc, OPERATOR, new ParticipantData("Mohamed", "Karim",
                Sex.M, LocalDate.of(1988, 5, 2), "EG", "EG", null, ParticipantFixtures.MILANO, lockedStart, null, null,
                List.of(), null, null)).participantId();
        TestActors.actAs(OPERATOR);
        EnrolmentView early = enrolments.enrol(awa, course, locked);
        EnrolmentView withdrawn = enrolments.change(early.id(), early.version(), EnrolmentStatus.WITHDRAWN, "Lavoro",
                locked.plusDays(1));
        EnrolmentView active = enrolments.enrol(karim, course, locked);
        lock();
        assertLocked(() -> enrolments.change(withdrawn.id(), withdrawn.version(), EnrolmentStatus.ENROLLED, null,
                null));
        assertLocked(() -> enrolments.change(active.id(), active.version(), EnrolmentStatus.WITHDRAWN, "Trasferito",
                locked.plusDays(2)));
        assertThat(enrolments.change(active.id(), active.version(), EnrolmentStatus.WITHDRAWN, "Trasferito", today)
                .status()).as("ended in the open quarter").isEqualTo(EnrolmentStatus.WITHDRAWN);
        jdbc.sql("delete from participant_enrolment where id = :id").param("id", early.id()).update();
        assertLocked(() -> enrolments.enrol(awa, course, locked));
        assertThat(enrolments.enrol(awa, course, today).status()).isEqualTo(EnrolmentStatus.ENROLLED);
    }

    @Test
    void theRegisterOfASessionInTheQuarterIsNotSaved() {
        TestActors.actAs(OPERATOR);
        EnrolmentView e = enrolments.enrol(awa, course, lockedStart);
        lock();
        ClassRegister register = enrolments.register(course);
        assertLocked(() -> enrolments.recordSession(course, lockedSession,
                register.sessionVersions().get(lockedSession), List.of(new AttendanceMark(e.id(), true, null))));
        enrolments.recordSession(course, openSession, register.sessionVersions().get(openSession),
                List.of(new AttendanceMark(e.id(), true, null)));
        assertThat(jdbc.sql("select count(*) from participant_attendance").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void assessmentsAreNotRecordedInNorMovedFromOrIntoTheQuarter() {
        TestActors.actAs(OPERATOR);
        long before = assessments.record(awa, assessment(locked));
        long after = assessments.record(awa, assessment(today));
        lock();
        assertLocked(() -> assessments.record(awa, assessment(locked.plusDays(1))));
        assertLocked(() -> assessments.correct(awa, before, 0, assessment(today)));
        assertLocked(() -> assessments.correct(awa, after, 0, assessment(locked)));
        assessments.correct(awa, after, 0, assessment(today));
        assertThat(assessments.of(awa)).extracting(Assessment::date).containsExactly(locked, today);
    }

    @Test
    void outcomesAreNotRecordedInNorMovedFromOrIntoTheQuarter() {
        TestActors.actAs(OPERATOR);
        long before = outcomes.record(awa, outcome(locked));
        long after = outcomes.record(awa, outcome(today));
        lock();
        assertLocked(() -> outcomes.record(awa, outcome(locked.plusDays(1))));
        assertLocked(() -> outcomes.correct(awa, before, 0, outcome(today)));
        assertLocked(() -> outcomes.correct(awa, after, 0, outcome(locked.plusDays(3))));
        assertThat(outcomes.of(awa)).extracting(Outcome::date).containsExactly(locked, today);
    }

    @Test
    void sessionsAreNotAddedMovedOrDeletedInTheQuarter() {
        lock();
        TestActors.actAs(OPERATOR);
        SessionView lockedView = session(lockedSession);
        SessionView openView = session(openSession);
        assertLocked(() -> activities.addSession(course, session(locked.plusDays(1), null)));
        assertLocked(() -> activities.updateSession(course, lockedSession, session(today, lockedView.version())));
        assertLocked(() -> activities.updateSession(course, openSession, session(locked, openView.version())));
        assertLocked(() -> activities.deleteSession(course, lockedSession, lockedView.version()));
        activities.updateSession(course, openSession, session(today, openView.version()));
        activities.deleteSession(course, openSession, openView.version() + 1);
        assertThat(jdbc.sql("select count(*) from activity_session where activity_id = :a").param("a", course)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPlanChangeDoesNotCompleteAnEnrolmentInTheQuarter() throws InterruptedException {
        TestActors.actAs(OPERATOR);
        EnrolmentView e = enrolments.enrol(awa, course, lockedStart);
        ClassRegister register = enrolments.register(course);
        enrolments.recordSession(course, lockedSession, register.sessionVersions().get(lockedSession),
                List.of(new AttendanceMark(e.id(), true, null)));
        lock();
        // two planned hours: the two hours attended on the locked day would complete the enrolment on that day
        TestActors.actAs(TestActors.coordinator());
        ActivityData d = catalogue.detail(course).data();
        activities.update(course, new ActivityData(d.title(), d.typeCode(), d.networkCode(), d.leadOrganisationId(),
                d.organisationIds(), d.comuneIstat(), d.venue(), d.startDate(), d.endDate(), new BigDecimal("2"),
                d.languages(), d.capacity(), d.targetGroup(), d.description(), d.status(), d.version()));
        String held = "select count(*) from audit_event where action = 'enrolment.status.locked' and record_id = '"
                + e.id() + "'";
        for (int i = 0; i < 100 && jdbc.sql(held).query(Long.class).single() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql(held).query(Long.class).single()).as("the listener says why it left it").isEqualTo(1);
        assertThat(enrolments.enrolment(e.id()).status()).isEqualTo(EnrolmentStatus.ATTENDING);
        // and the register of a session in the open quarter is still saved
        TestActors.actAs(OPERATOR);
        ClassRegister now = enrolments.register(course);
        enrolments.recordSession(course, openSession, now.sessionVersions().get(openSession),
                List.of(new AttendanceMark(e.id(), true, null)));
        assertThat(enrolments.enrolment(e.id()).status()).as("completed on the open day").isEqualTo(
                EnrolmentStatus.COMPLETED);
    }

    @Test
    void anotherNetworkIsNotLockedByMilanosApproval() {
        lock();
        TestActors.actAs(TestActors.coordinator());
        long cremasca = activities.create(new ActivityData("Corso – periodi chiusi", "ITALIAN_L2", "cremasca",
                ParticipantFixtures.leadOrganisation(jdbc, "cremasca"), List.of(), ParticipantFixtures.CREMA, null,
                lockedStart, today.plusDays(30), new BigDecimal("40"), List.of("it"), null, null, null,
                ActivityStatus.ONGOING, null));
        assertThat(activities.addSession(cremasca, session(locked, null))).isPositive();
    }

    @Test
    void thePagesAndTheApiSayWhichQuarterIsClosed() throws Exception {
        lock();
        String label = (lockedCode.substring(6)) + "° trimestre " + lockedCode.substring(0, 4);
        MockHttpServletResponse page = perform(post("/activities/" + course + "/sessions").with(csrf())
                .param("date", locked.plusDays(2).toString()).param("hours", "2"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Il periodo " + label + " è stato approvato ed è chiuso");

        MockHttpServletResponse api = perform(post("/api/v1/activities/" + course + "/sessions").with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"" + locked.plusDays(2) + "\",\"hours\":2}"));
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains(label).contains("approvato");

        TestActors.actAs(OPERATOR);
        EnrolmentView e = enrolments.enrol(awa, course, today);
        long version = enrolments.register(course).sessionVersions().get(lockedSession);
        TestActors.clear();
        MockHttpServletResponse attendance = perform(put("/api/v1/activities/" + course + "/attendance/"
                + lockedSession).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"marks\":[{\"enrolmentId\":" + e.id() + ",\"present\":true}]}"));
        assertThat(attendance.getStatus()).isEqualTo(422);
        assertThat(attendance.getContentAsString()).contains(label);
    }

    // --- helpers ---

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestActors.as(OPERATOR)).locale(Locale.ITALIAN)
                .header("Accept-Language", "it")).andReturn().getResponse();
    }

    private void lock() {
        jdbc.sql("""
                        insert into indicator_submission (network_code, period_code, status, submitted_by, submitted_at,
                                                          decided_by, decided_at)
                        values (:n, :p, 'APPROVED', 'test.lead', now(), 'test.coordinator', now())""")
                .param("n", M).param("p", lockedCode).update();
    }

    private void assertLocked(Runnable change) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(PeriodLockedException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("period.locked");
            assertThat(e.args()).containsExactly(Period.quarterOf(locked).label(LocaleContextHolder.getLocale()));
        });
    }

    private SessionView session(long id) {
        return catalogue.sessions(course).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static SessionData session(LocalDate day, Integer version) {
        return new SessionData(day, null, null, new BigDecimal("2"), null, version);
    }

    private static AssessmentData assessment(LocalDate day) {
        return new AssessmentData(AssessmentKind.ITALIAN_L2, AssessmentPhase.ENTRY, day, "A1", null,
                AssessmentInstrument.PLACEMENT_TEST, null, null, null);
    }

    private static OutcomeData outcome(LocalDate day) {
        return new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE, day, null, null, null);
    }
}
