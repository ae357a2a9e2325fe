package it.labimpact.activity;

import static it.labimpact.activity.ActivityFixtures.CREMA;
import static it.labimpact.activity.ActivityFixtures.END;
import static it.labimpact.activity.ActivityFixtures.MILANO;
import static it.labimpact.activity.ActivityFixtures.START;
import static it.labimpact.activity.ActivityFixtures.course;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.partnership.PartnershipManagement;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Changes to activities, sessions and types: the rules, who may change what, optimistic locking, audit. */
@SpringBootTest
class ActivityManagementTest {

    @Autowired
    ActivityManagement management;

    @Autowired
    ActivityCatalogue catalogue;

    @Autowired
    PartnershipManagement partnership;

    @Autowired
    JdbcClient jdbc;

    long comuneDiMilano;
    long ismu;
    long cremascaLead;
    long auditBefore;

    @BeforeEach
    void seededPartnershipWithAPartnerInMilano() {
        ActivityFixtures.clean(jdbc);
        comuneDiMilano = ActivityFixtures.organisationId(jdbc, "Comune di Milano");
        cremascaLead = ActivityFixtures.organisationId(jdbc, "Comunità Sociale Cremasca");
        ismu = ActivityFixtures.partnerOf(jdbc, partnership, "milano", "Fondazione ISMU");
        auditBefore = ActivityFixtures.lastAuditId(jdbc);
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        ActivityFixtures.clean(jdbc);
    }

    // --- creation and the rules on an activity ---

    @Test
    void anOperatorCreatesAnActivityOfTheirNetworkDeliveredWithAnotherMember() {
        TestActors.actAs(TestActors.operator("milano"));

        long id = management.create(course("milano", comuneDiMilano, List.of(ismu), MILANO));

        ActivityDetail a = catalogue.detail(id);
        assertThat(a.networkCode()).isEqualTo("milano");
        assertThat(a.networkName()).isEqualTo("Rete Milano");
        assertThat(a.type().code()).isEqualTo("ITALIAN_L2");
        assertThat(a.type().action()).isEqualTo("02");
        assertThat(a.comuneName()).isEqualTo("Milano");
        assertThat(a.languages()).containsExactly("it", "ar");
        assertThat(a.version()).isZero();
        assertThat(a.organisations()).extracting(o -> o.name() + (o.lead() ? " (lead)" : ""))
                .containsExactly("Comune di Milano (lead)", "Fondazione ISMU");
        assertThat(a.data().leadOrganisationId()).isEqualTo(comuneDiMilano);
        assertThat(a.data().organisationIds()).containsExactly(ismu);
    }

    @Test
    void anOrganisationThatIsNotAMemberOfTheNetworkCannotDeliverItsActivity() {
        TestActors.actAs(TestActors.coordinator());

        assertViolation(() -> management.create(course("milano", comuneDiMilano, List.of(cremascaLead), MILANO)),
                "organisationIds", "activity.organisation.notMember");
        assertViolation(() -> management.create(course("milano", cremascaLead, List.of(), MILANO)),
                "leadOrganisationId", "activity.organisation.notMember");
        assertViolation(() -> management.create(course("milano", 999_999L, List.of(), MILANO)),
                "leadOrganisationId", "activity.organisation.unknown");
        RuleViolationException e = catchViolation(
                () -> management.create(course("milano", comuneDiMilano, List.of(cremascaLead), MILANO)));
        assertThat(e.args()).containsExactly("Comunità Sociale Cremasca", "Rete Milano");
        assertThat(activities()).isZero();
    }

    @Test
    void refusesImpossibleDatesHoursComuniAndTypes() {
        TestActors.actAs(TestActors.operator("milano"));
        ActivityData ok = course("milano", comuneDiMilano, List.of(), MILANO);

        assertViolation(() -> management.create(ActivityFixtures.dated(ok, END, START, null)), "endDate",
                "activity.dates.order");
        assertViolation(() -> management.create(ActivityFixtures.changed(ok, ok.title(), BigDecimal.ZERO, null)),
                "plannedHours", "activity.hours.positive");
        assertViolation(() -> management.create(ActivityFixtures.changed(ok, ok.title(), new BigDecimal("-3"),
                null)), "plannedHours", "activity.hours.positive");
        assertViolation(() -> management.create(course("milano", comuneDiMilano, List.of(), "001272")),
                "comuneIstat", "activity.comune.unknown");
        assertViolation(() -> management.create(withType(ok, "NO_SUCH_TYPE")), "typeCode", "activity.type.unknown");
        assertViolation(() -> management.create(withLanguages(ok, List.of("it", "italiano"))), "languages",
                "activity.languages.invalid");
        assertThat(activities()).isZero();
        assertThat(ActivityFixtures.auditSince(jdbc, auditBefore)).isEmpty();
    }

    @Test
    void aTypeTakenOutOfUseServesExistingActivitiesButNoNewOnes() {
        TestActors.actAs(TestActors.coordinator());
        long id = management.create(course("milano", comuneDiMilano, List.of(), MILANO));
        management.createType(type("TEST_RETIRED", true, null));
        long retired = management.create(withType(course("milano", comuneDiMilano, List.of(), MILANO),
                "TEST_RETIRED"));
        management.updateType("TEST_RETIRED", type("TEST_RETIRED", false, 0));

        management.update(retired, ActivityFixtures.changed(withType(catalogue.detail(retired).data(),
                "TEST_RETIRED"), "Ancora in corso", new BigDecimal("10"), 0));
        assertViolation(() -> management.create(withType(course("milano", comuneDiMilano, List.of(), MILANO),
                "TEST_RETIRED")), "typeCode", "activity.type.inactive");
        assertViolation(() -> management.update(id, withType(catalogue.detail(id).data(), "TEST_RETIRED")),
                "typeCode", "activity.type.inactive");
        assertThat(catalogue.detail(retired).title()).isEqualTo("Ancora in corso");
    }

    // --- scope: who may read and change which network's activities ---

    @Test
    void anOperatorOfMilanoCannotReadOrChangeACremascaActivityById() {
        long cremasca = cremascaActivity();
        TestActors.actAs(TestActors.operator("milano"));
        ActivityData change = ActivityFixtures.changed(course("cremasca", cremascaLead, List.of(), CREMA),
                "Preso da Milano", BigDecimal.TEN, 0);

        assertThatThrownBy(() -> catalogue.detail(cremasca)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> catalogue.sessions(cremasca)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> management.update(cremasca, change)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> management.addSession(cremasca, session("2026-11-10", "10:00", "12:00", null)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(catalogue.activities(ActivityQuery.all(), new PageRequest(0, 50)).items()).isEmpty();
        assertThat(catalogue.activities(new ActivityQuery("cremasca", null, null, null, null, null, null, null),
                new PageRequest(0, 50)).total()).as("asking for another network's list").isZero();

        TestActors.actAs(TestActors.coordinator());
        assertThat(catalogue.detail(cremasca).title()).isEqualTo("Corso di italiano L2 – A2 serale");
        assertThat(catalogue.detail(cremasca).sessions()).isEmpty();
    }

    @Test
    void anOperatorCannotCreateAnActivityForAnotherNetwork() {
        TestActors.actAs(TestActors.operator("milano"));

        assertViolation(() -> management.create(course("cremasca", cremascaLead, List.of(), CREMA)), "networkCode",
                "activity.network.foreign");
        assertThat(activities()).isZero();
    }

    @Test
    void anOperatorCannotMoveTheirActivityToAnotherNetwork() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = management.create(course("milano", comuneDiMilano, List.of(), MILANO));

        assertViolation(() -> management.update(id, ActivityFixtures.changed(course("cremasca", cremascaLead,
                List.of(), CREMA), "Spostato", BigDecimal.TEN, 0)), "networkCode", "activity.network.foreign");
        assertThat(catalogue.detail(id).networkCode()).isEqualTo("milano");
    }

    @Test
    void governanceAndEvaluatorsReadEveryActivityButChangeNone() {
        long cremasca = cremascaActivity();
        Actor governance = new Actor(6, "test.governance", "Test Governance", Role.GOVERNANCE, ScopeType.PROJECT, null,
                null);
        for (Actor reader : List.of(governance, TestActors.evaluator())) {
            TestActors.actAs(reader);
            assertThat(catalogue.detail(cremasca).networkCode()).isEqualTo("cremasca");
            assertThatThrownBy(() -> management.create(course("cremasca", cremascaLead, List.of(), CREMA)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> management.update(cremasca, catalogue.detail(cremasca).data()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> management.addSession(cremasca, session("2026-11-10", "10:00", "12:00", null)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(ActivityFixtures.auditSince(jdbc, auditBefore)).extracting(r -> r.get("action"))
                .containsExactly("activity.create");
    }

    @Test
    void aLeadChangesTheirNetworksActivitiesAndACoordinatorAnyNetworks() {
        long cremasca = cremascaActivity();
        TestActors.actAs(TestActors.lead("cremasca"));
        management.update(cremasca, ActivityFixtures.changed(catalogue.detail(cremasca).data(), "Corso A2 Crema",
                new BigDecimal("80"), 0));
        TestActors.actAs(TestActors.lead("milano"));
        assertThatThrownBy(() -> management.update(cremasca, catalogue.detail(cremasca).data()))
                .isInstanceOf(RecordNotFoundException.class);
        TestActors.actAs(TestActors.coordinator());
        management.addSession(cremasca, session("2026-11-10", "10:00", "12:00", null));

        ActivityDetail a = catalogue.detail(cremasca);
        assertThat(a.title()).isEqualTo("Corso A2 Crema");
        assertThat(a.plannedHours()).isEqualByComparingTo("80");
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.sessions()).hasSize(1);
    }

    // --- sessions ---

    @Test
    void sessionsTakeTheirHoursFromTheTimesAndStayWithinTheActivitysDates() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = management.create(course("milano", comuneDiMilano, List.of(), MILANO));

        long first = management.addSession(id, session("2026-11-04", "18:00", "20:30", null));
        management.addSession(id, session("2026-11-02", "09:00", "13:00", "3"));
        assertViolation(() -> management.addSession(id, session("2026-11-01", "18:00", "20:00", null)), "date",
                "session.date.outside");
        assertViolation(() -> management.addSession(id, session("2026-12-19", "18:00", "20:00", null)), "date",
                "session.date.outside");
        assertViolation(() -> management.addSession(id, session("2026-11-05", null, null, "0")), "hours",
                "session.hours.range");
        assertViolation(() -> management.addSession(id, session("2026-11-05", null, null, "25")), "hours",
                "session.hours.range");

        ActivityDetail a = catalogue.detail(id);
        assertThat(a.sessions()).extracting(s -> s.date() + " " + s.hours().stripTrailingZeros().toPlainString())
                .containsExactly("2026-11-02 3", "2026-11-04 2.5");
        assertThat(a.scheduledHours()).isEqualByComparingTo("5.5");
        assertThat(a.sessions()).filteredOn(s -> s.id() == first).singleElement()
                .satisfies(s -> assertThat(s.startTime()).isEqualTo(LocalTime.of(18, 0)));
    }

    @Test
    void anActivitysDatesCannotLeaveItsSessionsOutside() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = management.create(course("milano", comuneDiMilano, List.of(), MILANO));
        management.addSession(id, session("2026-12-15", "18:00", "20:00", null));

        assertViolation(() -> management.update(id, ActivityFixtures.dated(catalogue.detail(id).data(), START,
                START.plusDays(30), 0)), "startDate", "activity.dates.sessionsOutside");
        management.update(id, ActivityFixtures.dated(catalogue.detail(id).data(), START.plusDays(1),
                END.plusDays(5), 0));

        assertThat(catalogue.detail(id).endDate()).isEqualTo(END.plusDays(5));
    }

    @Test
    void aSessionOfAnotherActivityIsNotFoundThroughThisOne() {
        TestActors.actAs(TestActors.coordinator());
        long milano = management.create(course("milano", comuneDiMilano, List.of(), MILANO));
        long cremasca = cremascaActivity();
        long session = management.addSession(cremasca, session("2026-11-10", "10:00", "12:00", null));
        TestActors.actAs(TestActors.operator("milano"));

        assertThatThrownBy(() -> management.updateSession(milano, session, session("2026-11-11", "10:00", "12:00",
                "1", 0))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> management.deleteSession(milano, session, 0))
                .isInstanceOf(RecordNotFoundException.class);
        TestActors.actAs(TestActors.coordinator());
        assertThat(catalogue.detail(cremasca).sessions()).singleElement()
                .satisfies(s -> assertThat(s.date()).hasToString("2026-11-10"));
    }

    // --- optimistic locking ---

    @Test
    void twoEditsFromTheSameVersionLetTheFirstWinAndRefuseTheSecond() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = management.create(course("milano", comuneDiMilano, List.of(), MILANO));
        ActivityData readByBoth = catalogue.detail(id).data();
        long afterCreate = ActivityFixtures.lastAuditId(jdbc);

        management.update(id, ActivityFixtures.changed(readByBoth, "Corso del primo", new BigDecimal("40"),
                readByBoth.version()));
        assertThatThrownBy(() -> management.update(id, ActivityFixtures.changed(readByBoth, "Corso del secondo",
                new BigDecimal("90"), readByBoth.version()))).isInstanceOf(ConcurrentEditException.class);

        ActivityDetail now = catalogue.detail(id);
        assertThat(now.title()).isEqualTo("Corso del primo");
        assertThat(now.plannedHours()).isEqualByComparingTo("40");
        assertThat(now.version()).isEqualTo(readByBoth.version() + 1);
        assertThat(ActivityFixtures.auditSince(jdbc, afterCreate)).extracting(r -> r.get("action"))
                .containsExactly("activity.update");
    }

    @Test
    void aStaleSessionEditOrDeletionIsRefused() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = management.create(course("milano", comuneDiMilano, List.of(), MILANO));
        long sid = management.addSession(id, session("2026-11-04", "18:00", "20:00", null));

        management.updateSession(id, sid, session("2026-11-05", "18:00", "20:00", null, 0));
        assertThatThrownBy(() -> management.updateSession(id, sid, session("2026-11-06", "18:00", "19:00", null, 0)))
                .isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> management.deleteSession(id, sid, 0)).isInstanceOf(ConcurrentEditException.class);

        assertThat(catalogue.sessions(id)).singleElement().satisfies(s -> {
            assertThat(s.date()).hasToString("2026-11-05");
            assertThat(s.version()).isEqualTo(1);
        });
        management.deleteSession(id, sid, 1);
        assertThat(catalogue.sessions(id)).isEmpty();
    }

    // --- audit ---

    @Test
    void everyChangeIsAuditedWithTheActor() {
        TestActors.actAs(TestActors.operator("milano"));
        long id = management.create(course("milano", comuneDiMilano, List.of(ismu), MILANO));
        management.update(id, ActivityFixtures.changed(catalogue.detail(id).data(), "Corso rinominato",
                new BigDecimal("60"), 0));
        long sid = management.addSession(id, session("2026-11-04", "18:00", "20:00", null));
        management.updateSession(id, sid, session("2026-11-05", "18:00", "20:00", null, 0));
        management.deleteSession(id, sid, 1);
        TestActors.actAs(TestActors.coordinator());
        management.createType(type("TEST_AUDITED", true, null));
        management.updateType("TEST_AUDITED", type("TEST_AUDITED", false, 0));

        List<Map<String, Object>> events = ActivityFixtures.auditSince(jdbc, auditBefore);

        assertThat(events).extracting(r -> r.get("actor") + " " + r.get("action") + " " + r.get("record_type") + "#"
                + r.get("record_id")).containsExactly(
                        "test.operator.milano activity.create activity_activity#" + id,
                        "test.operator.milano activity.update activity_activity#" + id,
                        "test.operator.milano activity.session.add activity_session#" + sid,
                        "test.operator.milano activity.session.update activity_session#" + sid,
                        "test.operator.milano activity.session.delete activity_session#" + sid,
                        "test.coordinator activity.type.create activity_type#TEST_AUDITED",
                        "test.coordinator activity.type.update activity_type#TEST_AUDITED");
        assertThat((String) events.get(1).get("details")).contains("Corso rinominato").doesNotContain("plannedHours");
        assertThat((String) events.get(0).get("details")).contains("milano").contains(String.valueOf(ismu));
    }

    // --- types ---

    @Test
    void coordinatorsAddTypesAndNobodyElseDoes() {
        TestActors.actAs(TestActors.coordinator());
        management.createType(type("TEST_WORKSHOP", true, null));
        assertViolation(() -> management.createType(type("TEST_WORKSHOP", true, null)), "code",
                "activityType.code.duplicate");
        management.updateType("TEST_WORKSHOP", type("TEST_WORKSHOP", true, 0));
        assertThatThrownBy(() -> management.updateType("TEST_WORKSHOP", type("TEST_WORKSHOP", false, 0)))
                .isInstanceOf(ConcurrentEditException.class);

        for (Actor other : List.of(TestActors.operator("milano"), TestActors.lead("milano"),
                TestActors.evaluator())) {
            TestActors.actAs(other);
            assertThatThrownBy(() -> management.createType(type("TEST_OTHER", true, null)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        ActivityTypeView t = catalogue.type("TEST_WORKSHOP").orElseThrow();
        assertThat(t.active()).isTrue();
        assertThat(t.version()).isEqualTo(1);
        assertThat(t.completionThreshold()).isEqualByComparingTo("0.75");
        assertThat(catalogue.type("TEST_OTHER")).isEmpty();
    }

    @Test
    void theSeededTypesCoverTheThreeActionsWithTheirIndicatorCodes() {
        List<ActivityTypeView> types = catalogue.types();

        assertThat(types).hasSizeGreaterThanOrEqualTo(13);
        assertThat(types).extracting(ActivityTypeView::action).contains("01", "02", "03");
        assertThat(types).filteredOn(t -> t.code().equals("ITALIAN_L2")).singleElement()
                .satisfies(t -> {
                    assertThat(t.countsFor()).isEqualTo("LANGUAGE_COURSE");
                    assertThat(t.completionThreshold()).isEqualByComparingTo("0.70");
                });
        assertThat(types).extracting(ActivityTypeView::countsFor).contains("CIVIC_ORIENTATION",
                "PROFESSIONAL_GUIDANCE", "INFO_DESK", "FAMILY_REUNIFICATION", "OPERATOR_TRAINING");
    }

    // --- what other modules read ---

    @Test
    void otherModulesGetAnActivitysReferenceData() {
        long id = cremascaActivity();

        ActivityRef ref = catalogue.activity(id).orElseThrow();

        assertThat(ref.networkCode()).isEqualTo("cremasca");
        assertThat(ref.typeCode()).isEqualTo("ITALIAN_L2");
        assertThat(ref.action()).isEqualTo("02");
        assertThat(ref.countsFor()).isEqualTo("LANGUAGE_COURSE");
        assertThat(ref.plannedHours()).isEqualByComparingTo("60");
        assertThat(ref.completionThreshold()).isEqualByComparingTo("0.70");
        assertThat(ref.startDate()).isEqualTo(START);
        assertThat(ref.endDate()).isEqualTo(END);
        assertThat(catalogue.activity(999_999L)).isEmpty();
    }

    @Test
    void theListFiltersByTypeActionStatusComuneTextAndDates() {
        TestActors.actAs(TestActors.coordinator());
        long course = management.create(course("milano", comuneDiMilano, List.of(), MILANO));
        long desk = management.create(withType(ActivityFixtures.dated(course("cremasca", cremascaLead, List.of(),
                CREMA), START.plusMonths(2), END.plusMonths(2), null), "INFO_DESK"));

        assertThat(ids(new ActivityQuery(null, null, null, null, null, null, null, null))).containsExactly(desk, course);
        assertThat(ids(new ActivityQuery("milano", null, null, null, null, null, null, null))).containsExactly(course);
        assertThat(ids(new ActivityQuery(null, "INFO_DESK", null, null, null, null, null, null)))
                .containsExactly(desk);
        assertThat(ids(new ActivityQuery(null, null, "02", null, null, null, null, null))).containsExactly(course);
        assertThat(ids(new ActivityQuery(null, null, null, ActivityStatus.CANCELLED, null, null, null, null)))
                .isEmpty();
        assertThat(ids(new ActivityQuery(null, null, null, null, "crem", null, null, null))).containsExactly(desk);
        assertThat(ids(new ActivityQuery(null, null, null, null, null, "via roma", null, null)))
                .containsExactly(desk, course);
        assertThat(ids(new ActivityQuery(null, null, null, null, null, "100%_", null, null))).isEmpty();
        assertThat(ids(new ActivityQuery(null, null, null, null, null, null, END.plusDays(1), null)))
                .containsExactly(desk);
        assertThat(ids(new ActivityQuery(null, null, null, null, null, null, null, START.plusMonths(1))))
                .containsExactly(course);
    }

    // --- helpers ---

    private long cremascaActivity() {
        Actor before = Actor.current().orElse(null);
        TestActors.actAs(TestActors.operator("cremasca"));
        try {
            return management.create(course("cremasca", cremascaLead, List.of(), CREMA));
        } finally {
            if (before == null) {
                TestActors.clear();
            } else {
                TestActors.actAs(before);
            }
        }
    }

    private List<Long> ids(ActivityQuery q) {
        return catalogue.activities(q, new PageRequest(0, 50)).items().stream().map(ActivitySummary::id).toList();
    }

    private long activities() {
        return jdbc.sql("select count(*) from activity_activity").query(Long.class).single();
    }

    static SessionData session(String date, String from, String to, String hours) {
        return session(date, from, to, hours, null);
    }

    static SessionData session(String date, String from, String to, String hours, Integer version) {
        return new SessionData(java.time.LocalDate.parse(date), from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), hours == null ? null : new BigDecimal(hours), null, version);
    }

    private static ActivityTypeData type(String code, boolean active, Integer version) {
        return new ActivityTypeData(code, "02", "Laboratorio di prova", "Test workshop", "TEST_INDICATOR",
                new BigDecimal("0.75"), active, version);
    }

    private static ActivityData withType(ActivityData d, String type) {
        return new ActivityData(d.title(), type, d.networkCode(), d.leadOrganisationId(), d.organisationIds(),
                d.comuneIstat(), d.venue(), d.startDate(), d.endDate(), d.plannedHours(), d.languages(), d.capacity(),
                d.targetGroup(), d.description(), d.status(), d.version());
    }

    private static ActivityData withLanguages(ActivityData d, List<String> languages) {
        return new ActivityData(d.title(), d.typeCode(), d.networkCode(), d.leadOrganisationId(), d.organisationIds(),
                d.comuneIstat(), d.venue(), d.startDate(), d.endDate(), d.plannedHours(), languages, d.capacity(),
                d.targetGroup(), d.description(), d.status(), d.version());
    }

    private static RuleViolationException catchViolation(ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(RuleViolationException.class, call);
    }

    private static void assertViolation(ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.field()).as("field of " + e.messageKey()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
