package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.IndicatorFixtures;
import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.SessionData;
import it.labimpact.participant.AssessmentData;
import it.labimpact.participant.AssessmentInstrument;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.Assessments;
import it.labimpact.participant.ClassRegister;
import it.labimpact.participant.EnrolmentStatus;
import it.labimpact.participant.EnrolmentView;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.OutcomeData;
import it.labimpact.participant.OutcomeType;
import it.labimpact.participant.Outcomes;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRecord;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.participant.SurveyAnswers;
import it.labimpact.participant.Surveys;
import it.labimpact.participant.Vulnerability;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store kept on write gives exactly what the reviewed computations give from the facts: on a random dataset
 * built through the modules' facades (two networks, every kind of fact, one person in both networks), then after
 * each kind of change the registry and the activity plan allow — attendance corrected, a participant's data
 * rectified, enrolments withdrawn and completed, assessments and outcomes corrected, sessions moved to another
 * quarter, an activity's type changed, two records found to be one person, erasure, deletion — for every quarter,
 * the year and the project to date, for the project and each network, every cell of every breakdown.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorStoreTest {

    private static final String M = "milano";
    private static final String C = "cremasca";
    private static final List<String> NETWORKS = Arrays.asList(null, M, C);
    private static final Map<String, String> COMUNI = Map.of(M, "015146", C, "019035");
    private static final List<String> TYPES = List.of("ITALIAN_L2", "INFO_DESK", "DIGITAL_SKILLS", "SKILLS_ASSESSMENT",
            "PROFESSIONAL_GUIDANCE", "SCHOOL_TO_WORK", "COMMUNITY_EVENT", "CIVIC_ORIENTATION", "INFO_SESSION");
    private static final List<String> SESSION_DAYS = List.of("2025-04-14", "2025-06-16", "2025-07-14", "2025-10-13");
    private static final List<String> LEVELS = List.of("pre-alfa", "alfa", "pre-A1", "A1", "A2", "B1", "B2");

    @Autowired Indicators indicators;
    @Autowired IndicatorEngine engine;
    @Autowired IndicatorStore store;
    @Autowired IndicatorSettings settings;
    @Autowired TransactionTemplate transactions;
    @Autowired ActivityManagement activities;
    @Autowired it.labimpact.activity.ActivityCatalogue catalogue;
    @Autowired ParticipantRegistry registry;
    @Autowired Enrolments enrolments;
    @Autowired Assessments assessments;
    @Autowired Outcomes outcomes;
    @Autowired Surveys surveys;
    @Autowired JdbcClient jdbc;

    private final Random random = new Random(20251126);
    private final Map<String, List<Long>> activitiesOf = new HashMap<>();
    private final Map<Long, List<Long>> sessionsOf = new LinkedHashMap<>();
    private final Map<String, List<UUID>> participantsOf = new HashMap<>();
    private UUID shared;

    @BeforeAll
    void buildTheDataset() {
        clean();
        for (String network : List.of(M, C)) {
            List<Long> ids = new ArrayList<>();
            for (String type : TYPES) {
                long a = data().activity(type + " – store", network, type, COMUNI.get(network), "2025-04-01",
                        "2025-12-15", List.of());
                ids.add(a);
                sessionsOf.put(a, SESSION_DAYS.stream().map(day -> data().session(a, day)).toList());
            }
            activitiesOf.put(network, ids);
            List<UUID> people = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                people.add(data().register(network, person(network + i)));
            }
            participantsOf.put(network, people);
        }
        // the same person registered by both networks
        ParticipantData both = person("Condivisa");
        participantsOf.get(M).add(data().register(M, both));
        participantsOf.get(C).add(data().register(C, both));
        shared = personOf(last(participantsOf.get(M)));
        assertThat(personOf(last(participantsOf.get(C)))).isEqualTo(shared);

        for (String network : List.of(M, C)) {
            TestActors.run(TestActors.operator(network), () -> {
                for (UUID p : participantsOf.get(network)) {
                    List<Long> mine = new ArrayList<>(activitiesOf.get(network));
                    java.util.Collections.shuffle(mine, random);
                    for (long a : mine.subList(0, 2 + random.nextInt(3))) {
                        enrolments.enrol(p, a, LocalDate.parse("2025-04-01"));
                    }
                    follow(p, network);
                }
                for (long a : activitiesOf.get(network)) {
                    for (long s : sessionsOf.get(a)) {
                        markRandomly(a, s);
                    }
                }
            });
        }
    }

    @AfterAll
    void clean() {
        for (String table : List.of("participant_survey_answer", "participant_outcome", "participant_assessment",
                "participant_attendance", "participant_enrolment", "participant_match_review", "participant_near_key",
                "participant_identity", "participant_vault", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    @Order(1)
    void theStoreCountsWhatTheComputationsCount() {
        assertSameAsTheFacts("the dataset as built");
        // the dataset is not trivial: persons in every kind of indicator the store keeps
        IndicatorResult ptd = TestActors.call(TestActors.coordinator(), () -> indicators.compute(ptd(), null));
        for (String code : List.of("AMIF-O3", "AMIF-O3.1", "AMIF-O3.2", "AMIF-R8", "AMIF-R9", "P2-DIGITAL",
                "P2-STW", "P3-DESK", "P3-COMMUNITY")) {
            assertThat(ptd.value(code, null)).as(code).isPositive();
        }
        assertThat(jdbc.sql("select count(*) from participant_fact_change").query(Long.class).single())
                .as("the feed is taken once counted").isZero();
    }

    @Test
    @Order(2)
    void theRecordsBehindEveryStoredCountAreTheOnesTheComputationsFind() {
        for (Period period : List.of(Period.quarter(2025, 2), ptd())) {
            for (String code : List.of("AMIF-O3", "AMIF-R8", "P2-STW")) {
                IndicatorDefinition d = indicators.definition(code);
                List<Cell> cells = transactions.execute(t -> engine.compute(List.of(d), period, null, settings, false));
                assertThat(cells).as(code).isNotEmpty();
                for (Cell c : cells) {
                    Dimension dimension = c.network() != null && c.isTotal() ? null : c.dimension();
                    List<DrillRecord> stored = transactions.execute(t -> store.records(d, period, c.network(),
                            dimension, c.key(), settings, 10_000));
                    List<DrillRecord> computed = transactions.execute(t -> engine.records(d, period, c.network(),
                            dimension, c.key(), settings));
                    assertThat(stored).as(code + " " + period.code() + " " + c).isEqualTo(computed);
                    // the number and its records agree (project breakdowns by activity can count a person once
                    // per key, and each record of a person is listed)
                    if (c.network() != null) {
                        assertThat(stored).as(c.toString()).hasSize(c.value().intValueExact());
                    }
                }
            }
        }
    }

    @Test
    @Order(3)
    void attendanceCorrected() {
        long a = activitiesOf.get(M).get(0);
        TestActors.run(TestActors.operator(M), () -> markRandomly(a, sessionsOf.get(a).get(1)));
        assertSameAsTheFacts("attendance corrected");
    }

    @Test
    @Order(4)
    void aParticipantsDataRectified() {
        UUID p = participantsOf.get(C).get(0);
        TestActors.run(TestActors.coordinator(), () -> {
            ParticipantRecord r = registry.read(p);
            ParticipantData d = r.toData();
            registry.rectify(p, r.summary().version(), new ParticipantData(d.surname(), d.givenNames(),
                    d.sex() == Sex.F ? Sex.M : Sex.F, d.birthDate().minusYears(30), d.birthCountry(), "UA",
                    d.taxCode(), COMUNI.get(M), d.firstContactDate(), null, null,
                    List.of(Vulnerability.SINGLE_PARENT), null, null));
        });
        assertSameAsTheFacts("a participant's data rectified");
    }

    @Test
    @Order(5)
    void enrolmentsWithdrawnAndCompletedWhenThePlanChanges() throws InterruptedException {
        TestActors.run(TestActors.operator(M), () -> {
            EnrolmentView first = enrolments.list(null, participantsOf.get(M).get(1),
                    new it.labimpact.shared.PageRequest(0, 50)).items().get(0);
            enrolments.change(first.id(), first.version(), EnrolmentStatus.WITHDRAWN, "Trasloco",
                    LocalDate.parse("2025-07-20"));
        });
        // fewer planned hours: enrolments with two presences now complete (the participant module's listener)
        long skills = activitiesOf.get(M).get(TYPES.indexOf("SKILLS_ASSESSMENT"));
        TestActors.run(TestActors.coordinator(), () -> {
            var d = catalogue.detail(skills).data();
            activities.update(skills, new it.labimpact.activity.ActivityData(d.title(), d.typeCode(), d.networkCode(),
                    d.leadOrganisationId(), d.organisationIds(), d.comuneIstat(), d.venue(), d.startDate(),
                    d.endDate(), new BigDecimal("4"), d.languages(), d.capacity(), d.targetGroup(), d.description(),
                    d.status(), d.version()));
        });
        for (int i = 0; i < 100 && completed(skills) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(completed(skills)).as("completed by the new plan").isPositive();
        assertSameAsTheFacts("enrolments withdrawn, and completed after the plan changed");
    }

    private long completed(long activity) {
        return jdbc.sql("select count(*) from participant_enrolment where activity_id = :a and status = 'COMPLETED'")
                .param("a", activity).query(Long.class).single();
    }

    @Test
    @Order(6)
    void assessmentsAndOutcomesCorrected() {
        UUID p = participantsOf.get(M).get(2);
        TestActors.run(TestActors.operator(M), () -> {
            for (var x : assessments.of(p)) {
                if (x.phase() == AssessmentPhase.EXIT && x.kind() == AssessmentKind.ITALIAN_L2) {
                    assessments.correct(p, x.id(), x.version(), italian(AssessmentPhase.EXIT, "2025-10-01", "B2"));
                }
            }
            long o = outcomes.record(p, new OutcomeData(OutcomeType.LONG_TERM_RESIDENCE, LocalDate.parse("2025-05-02"),
                    null, null, null));
            var recorded = outcomes.of(p).stream().filter(x -> x.id() == o).findFirst().orElseThrow();
            outcomes.correct(p, o, recorded.version(), new OutcomeData(OutcomeType.LONG_TERM_RESIDENCE,
                    LocalDate.parse("2025-08-02"), null, null, null));
        });
        assertSameAsTheFacts("assessments and outcomes corrected");
    }

    @Test
    @Order(7)
    void aSessionMovedToAnotherQuarter() {
        long a = activitiesOf.get(C).get(1);
        long s = sessionsOf.get(a).get(1);
        TestActors.run(TestActors.coordinator(), () -> {
            var session = catalogue.sessions(a).stream().filter(x -> x.id() == s).findFirst().orElseThrow();
            activities.updateSession(a, s, new SessionData(LocalDate.parse("2025-09-15"), null, null,
                    new BigDecimal("2"), null, session.version()));
        });
        assertSameAsTheFacts("a session moved from the second quarter to the third");
    }

    @Test
    @Order(8)
    void anActivitysTypeChanged() {
        // the type decides the action and what the activity counts for (a correction made by the activity module)
        long a = activitiesOf.get(M).get(6);
        jdbc.sql("update activity_activity set type_code = 'INFO_DESK' where id = :id").param("id", a).update();
        assertSameAsTheFacts("an activity's type changed");
    }

    @Test
    @Order(9)
    void twoRecordsFoundToBeOnePerson() {
        // what a confirmed near match does: the second record joins the first one's person
        UUID first = participantsOf.get(M).get(3);
        UUID second = participantsOf.get(C).get(3);
        jdbc.sql("update participant set person_id = :to where id = :id").param("to", personOf(first))
                .param("id", second).update();
        assertSameAsTheFacts("two records found to be one person");
    }

    @Test
    @Order(10)
    void erasureAndDeletion() {
        Map<String, String> before = cells(ptd(), null, true);
        TestActors.run(TestActors.coordinator(), () -> registry.erase(participantsOf.get(M).get(4)));
        assertThat(cells(ptd(), null, true)).as("erasure leaves the counts unchanged").isEqualTo(before);
        assertSameAsTheFacts("a record erased");
        jdbc.sql("delete from participant_survey_answer").update();
        jdbc.sql("delete from participant_outcome where participant_id = :p")
                .param("p", participantsOf.get(C).get(5)).update();
        assertSameAsTheFacts("survey answers and outcomes deleted");
    }

    @Test
    @Order(11)
    void aChangedComputationRebuildsTheStore() {
        String built = jdbc.sql("select built_at::text from indicator_store_state").query(String.class).single();
        jdbc.sql("update indicator_definition set parameters = '{02}' where code = 'AMIF-O3'").update();
        try {
            assertSameAsTheFacts("a computation changed");
            assertThat(jdbc.sql("select built_at::text from indicator_store_state").query(String.class).single())
                    .isNotEqualTo(built);
        } finally {
            jdbc.sql("update indicator_definition set parameters = '{02,03}' where code = 'AMIF-O3'").update();
        }
        assertSameAsTheFacts("the computation changed back");
    }

    // --- the comparison ---

    private void assertSameAsTheFacts(String after) {
        List<Period> periods = List.of(Period.quarter(2025, 2), Period.quarter(2025, 3), Period.quarter(2025, 4),
                Period.year(2025), ptd());
        for (Period period : periods) {
            for (String network : NETWORKS) {
                Map<String, String> stored = cells(period, network, true);
                Map<String, String> computed = cells(period, network, false);
                assertThat(computed).as("something to compare").isNotEmpty();
                Map<String, String> differences = new java.util.TreeMap<>();
                computed.forEach((k, v) -> {
                    if (!v.equals(stored.get(k))) {
                        differences.put(k, "computed " + v + ", stored " + stored.get(k));
                    }
                });
                stored.forEach((k, v) -> differences.putIfAbsent(k, computed.containsKey(k) ? null
                        : "computed nothing, stored " + v));
                differences.values().removeIf(java.util.Objects::isNull);
                assertThat(differences).as(after + ": " + period.code() + " " + network).isEmpty();
            }
        }
    }

    /** Every cell of the catalogue, as "indicator network dimension key" → value. */
    private Map<String, String> cells(Period period, String network, boolean stored) {
        return transactions.execute(t -> {
            List<IndicatorDefinition> all = indicators.catalogue();
            if (stored) {
                store.refresh(all, settings);
            }
            return engine.compute(all, period, network, settings, stored).stream().collect(Collectors.toMap(
                    c -> c.indicator() + " " + c.network() + " " + c.dimension() + " " + c.key(),
                    c -> c.value() == null ? "none" : c.value().stripTrailingZeros().toPlainString(),
                    (x, y) -> x + "|" + y,
                    java.util.TreeMap::new));
        });
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private Period ptd() {
        return Period.projectToDate(settings.projectStart(), LocalDate.now());
    }

    // --- the data ---

    /** Assessments, outcomes and survey answers at random for a participant, as an operator of the network. */
    private void follow(UUID p, String network) {
        int entry = random.nextInt(LEVELS.size() - 1);
        if (random.nextInt(3) > 0) {
            assessments.record(p, italian(AssessmentPhase.ENTRY, "2025-04-10", LEVELS.get(entry)));
            if (random.nextInt(4) > 0) {
                String day = random.nextBoolean() ? "2025-06-20" : "2025-09-20";
                assessments.record(p, italian(AssessmentPhase.EXIT, day,
                        LEVELS.get(Math.min(LEVELS.size() - 1, entry + random.nextInt(3)))));
            }
        }
        if (random.nextBoolean()) {
            int level = 1 + random.nextInt(5);
            assessments.record(p, digComp(AssessmentPhase.ENTRY, "2025-04-11", level));
            assessments.record(p, digComp(AssessmentPhase.EXIT, "2025-10-15", level + random.nextInt(2)));
        }
        List<OutcomeType> types = new ArrayList<>(List.of(OutcomeType.values()));
        types.remove(OutcomeType.EMPLOYMENT_STATUS); // it needs a phase
        java.util.Collections.shuffle(types, random);
        for (OutcomeType type : types.subList(0, random.nextInt(3))) {
            outcomes.record(p, new OutcomeData(type, LocalDate.parse(SESSION_DAYS.get(random.nextInt(4))), null, null,
                    null));
        }
        if (random.nextBoolean()) {
            long a = activitiesOf.get(network).get(random.nextInt(TYPES.size()));
            SurveyAnswers.Helpful[] helpful = SurveyAnswers.Helpful.values();
            surveys.record(p, a, new SurveyAnswers(helpful[random.nextInt(helpful.length)], null, null, null, null));
        }
    }

    /** Saves a whole session's register with about two in three present, as the current actor. */
    private void markRandomly(long activity, long session) {
        ClassRegister register = enrolments.register(activity);
        Map<Long, Boolean> present = new HashMap<>();
        for (ClassRegister.Row row : register.rows()) {
            if (row.status() != EnrolmentStatus.WITHDRAWN) {
                present.put(row.enrolmentId(), random.nextInt(3) > 0);
            }
        }
        if (!present.isEmpty()) {
            data().mark(activity, session, present);
        }
    }

    private ParticipantData person(String name) {
        Sex sex = random.nextBoolean() ? Sex.F : Sex.M;
        String country = List.of("MA", "EG", "CN", "AL", "UA", "PE").get(random.nextInt(6));
        LocalDate born = LocalDate.of(1950 + random.nextInt(58), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new ParticipantData("Store", name, sex, born, country, country, null,
                COMUNI.get(random.nextBoolean() ? M : C), LocalDate.parse("2025-03-01"), null, null,
                random.nextInt(5) == 0 ? List.of(Vulnerability.SINGLE_PARENT) : List.of(), null, null);
    }

    private static AssessmentData italian(AssessmentPhase phase, String day, String level) {
        return new AssessmentData(AssessmentKind.ITALIAN_L2, phase, LocalDate.parse(day), level, null,
                AssessmentInstrument.PLACEMENT_TEST, null, null, null);
    }

    private static AssessmentData digComp(AssessmentPhase phase, String day, int level) {
        return new AssessmentData(AssessmentKind.DIGCOMP, phase, LocalDate.parse(day), Integer.toString(level), null,
                AssessmentInstrument.SELF_ASSESSMENT, null, null, null);
    }

    private IndicatorFixtures data() {
        return new IndicatorFixtures(activities, registry, enrolments, jdbc);
    }

    private UUID personOf(UUID participant) {
        return jdbc.sql("select person_id from participant where id = :id").param("id", participant)
                .query(UUID.class).single();
    }
}
