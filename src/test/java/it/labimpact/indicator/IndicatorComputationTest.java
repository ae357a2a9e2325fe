package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.IndicatorFixtures;
import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.participant.AssessmentData;
import it.labimpact.participant.AssessmentInstrument;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.Assessments;
import it.labimpact.participant.EnrolmentStatus;
import it.labimpact.participant.EnrolmentView;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.OutcomeData;
import it.labimpact.participant.OutcomeType;
import it.labimpact.participant.Outcomes;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.participant.SurveyAnswers;
import it.labimpact.participant.Surveys;
import it.labimpact.participant.Vulnerability;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every indicator on a small dataset built through the modules' own facades, with the expected values worked out
 * by hand below. Networks: Milano (M) and Comunità Sociale Cremasca (C).
 *
 * <pre>
 * Activities (2025)                                   sessions
 *   L_M  Italian L2, M, Milano (prov. 015), Apr–Jun    S1 07/04, S2 05/05
 *   L_C  Italian L2, C, Crema (prov. 019), Apr–Sep     T1 08/04, T2 08/07 (Q3)
 *   CIV  civic orientation, M, Milano, Apr–Jun         V1 10/04
 *   DESK information desk, C, Crema, Apr–Jun           D1 15/04, D2 15/05
 *   L_M and CIV are co-delivered by Comune di Milano and a job centre: one tie, across sectors.
 *
 * Persons (age in 2025)
 *   Amina  F 1990 (35) MA, vulnerable — registered in M AND in C: the same person (one person_id).
 *          M: present S1 (L_M); entry alfa 07/04, exit pre-A1 20/06 (one level up across literacy levels);
 *             outcome professional guidance 02/05; survey "partly".
 *          C: present T1 (L_C), D1, D2 (DESK); entry A1 08/04, exit A2 09/07 (Q3); outcome qualification
 *             recognition 01/08 (Q3).
 *   Bilal  M 2000 (25) EG, M: present S2 (L_M) and V1 (CIV); entry A1 05/04, no exit; surveys "yes" for L_M and
 *          for CIV (answered twice); then erased (crypto-shredding).
 *   Chen   M 1985 (40) CN, M: enrolled in L_M, withdrawn without ever attending; outcome long-term residence 01/05.
 *   Dina   F 2007 (18) AL, C: present T1 (L_C) and D1, then withdrawn from L_C; entry A2 08/04, exit A2 10/07.
 *
 * Q2 2025 (01/04–30/06)
 *   AMIF-O3   Amina, Bilal, Dina = 3 (M: Amina, Bilal = 2; C: Amina, Dina = 2; 2 + 2 = 4 ≠ 3: unique persons)
 *             sex F 2 (Amina, Dina), M 1; action 02: 3, action 03: Bilal (CIV), Amina and Dina (DESK) = 3
 *             age 18-24 Dina, 25-34 Bilal, 35-49 Amina; vulnerability Y 1 (Amina), N 2
 *   AMIF-O3.1 Amina, Bilal, Dina = 3 (Chen withdrew without attending: no; Dina attended before withdrawing: yes)
 *   AMIF-O3.2 Bilal = 1        AMIF-O3.3 Amina (outcome) = 1        AMIF-R11 Chen = 1        AMIF-R10 0
 *   AMIF-R8   Amina (M: alfa → pre-A1) = 1; P2-L2-EXIT Amina = 1; P2-L2-RATE 100.0
 *   P3-DESK   Amina 2 + Dina 1 = 3 contacts (C)
 *   P0-ACTIVITIES 4; P1-TIES 1 (M); P1-TIES-X 1
 * Q3 2025 (01/07–30/09)
 *   AMIF-O3.1 Amina? no: T2 has no presence. 0.  AMIF-R8 Amina (C: A1 → A2) = 1; P2-L2-EXIT Amina, Dina = 2;
 *   P2-L2-RATE 50.0; AMIF-R10 Amina = 1; P0-ACTIVITIES 1 (only L_C runs in Q3)
 * Year 2025: AMIF-R8 = 1 (Amina once, though she improved twice)
 * Current quarter (surveys are dated when answered): AMIF-R9 Bilal = 1 (two "yes" answers, one person; Amina's
 * "partly" does not count)
 * </pre>
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorComputationTest {

    private static final String M = "milano";
    private static final String C = "cremasca";
    private static final String MILANO = "015146";
    private static final String CREMA = "019035";

    @Autowired Indicators indicators;
    @Autowired ActivityManagement activities;
    @Autowired ParticipantRegistry registry;
    @Autowired Enrolments enrolments;
    @Autowired Assessments assessments;
    @Autowired Outcomes outcomes;
    @Autowired Surveys surveys;
    @Autowired JdbcClient jdbc;

    private IndicatorResult q2;
    private IndicatorResult q3;

    @BeforeAll
    void buildTheDataset() {
        clean();
        long jobCentre = jdbc.sql("""
                insert into partnership_organisation (name, kind) values ('Centro per l''impiego di Milano – test',
                'JOB_CENTRE') returning id""").query(Long.class).single();
        jdbc.sql("""
                insert into partnership_membership (network_id, organisation_id, role)
                select id, :org, 'PARTNER' from partnership_network where code = 'milano'""")
                .param("org", jobCentre).update();

        long lm = activity(M, "ITALIAN_L2", MILANO, "2025-04-01", "2025-06-30", List.of(jobCentre));
        long lc = activity(C, "ITALIAN_L2", CREMA, "2025-04-01", "2025-09-30", List.of());
        long civ = activity(M, "CIVIC_ORIENTATION", MILANO, "2025-04-01", "2025-06-30", List.of(jobCentre));
        long desk = activity(C, "INFO_DESK", CREMA, "2025-04-01", "2025-06-30", List.of());
        long s1 = data().session(lm, "2025-04-07");
        long s2 = data().session(lm, "2025-05-05");
        long t1 = data().session(lc, "2025-04-08");
        data().session(lc, "2025-07-08");
        long v1 = data().session(civ, "2025-04-10");
        long d1 = data().session(desk, "2025-04-15");
        long d2 = data().session(desk, "2025-05-15");

        UUID aminaM = data().register(M, person("Amina", Sex.F, "1990-03-02", "MA", true));
        UUID aminaC = data().register(C, person("Amina", Sex.F, "1990-03-02", "MA", true));
        UUID bilal = data().register(M, person("Bilal", Sex.M, "2000-06-01", "EG", false));
        UUID chen = data().register(M, person("Chen", Sex.M, "1985-01-20", "CN", false));
        UUID dina = data().register(C, person("Dina", Sex.F, "2007-02-11", "AL", false));
        assertThat(personOf(aminaM)).as("one person across networks").isEqualTo(personOf(aminaC));

        Actor opM = TestActors.operator(M);
        Actor opC = TestActors.operator(C);
        TestActors.run(opM, () -> {
            long eAmina = enrolments.enrol(aminaM, lm, date("2025-04-01")).id();
            long eBilal = enrolments.enrol(bilal, lm, date("2025-04-01")).id();
            EnrolmentView eChen = enrolments.enrol(chen, lm, date("2025-04-01"));
            enrolments.change(eChen.id(), eChen.version(), EnrolmentStatus.WITHDRAWN, "Trasferito", date("2025-04-03"));
            long eBilalCiv = enrolments.enrol(bilal, civ, date("2025-04-01")).id();
            data().mark(lm, s1, Map.of(eAmina, true, eBilal, false));
            data().mark(lm, s2, Map.of(eAmina, false, eBilal, true));
            data().mark(civ, v1, Map.of(eBilalCiv, true));
            assessments.record(aminaM, italian(AssessmentPhase.ENTRY, "2025-04-07", "alfa"));
            assessments.record(aminaM, italian(AssessmentPhase.EXIT, "2025-06-20", "pre-A1"));
            assessments.record(bilal, italian(AssessmentPhase.ENTRY, "2025-04-05", "A1"));
            outcomes.record(aminaM, new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE, date("2025-05-02"), null,
                    null, null));
            outcomes.record(chen, new OutcomeData(OutcomeType.LONG_TERM_RESIDENCE, date("2025-05-01"), null, null,
                    null));
            surveys.record(bilal, lm, new SurveyAnswers(SurveyAnswers.Helpful.YES, null, null, null, null));
            surveys.record(bilal, civ, new SurveyAnswers(SurveyAnswers.Helpful.YES, 5, null, null, null));
            surveys.record(aminaM, lm, new SurveyAnswers(SurveyAnswers.Helpful.PARTLY, null, null, null, null));
        });
        TestActors.run(opC, () -> {
            long eAmina = enrolments.enrol(aminaC, lc, date("2025-04-01")).id();
            EnrolmentView eDina = enrolments.enrol(dina, lc, date("2025-04-01"));
            long eAminaDesk = enrolments.enrol(aminaC, desk, date("2025-04-01")).id();
            long eDinaDesk = enrolments.enrol(dina, desk, date("2025-04-01")).id();
            data().mark(lc, t1, Map.of(eAmina, true, eDina.id(), true));
            data().mark(desk, d1, Map.of(eAminaDesk, true, eDinaDesk, true));
            data().mark(desk, d2, Map.of(eAminaDesk, true, eDinaDesk, false));
            EnrolmentView now = enrolments.enrolment(eDina.id());
            enrolments.change(now.id(), now.version(), EnrolmentStatus.WITHDRAWN, "Lavoro", date("2025-04-20"));
            assessments.record(aminaC, italian(AssessmentPhase.ENTRY, "2025-04-08", "A1"));
            assessments.record(aminaC, italian(AssessmentPhase.EXIT, "2025-07-09", "A2"));
            assessments.record(dina, italian(AssessmentPhase.ENTRY, "2025-04-08", "A2"));
            assessments.record(dina, italian(AssessmentPhase.EXIT, "2025-07-10", "A2"));
            outcomes.record(aminaC, new OutcomeData(OutcomeType.QUALIFICATION_RECOGNITION, date("2025-08-01"), null,
                    null, null));
        });
        TestActors.run(TestActors.coordinator(), () -> registry.erase(bilal));

        TestActors.run(TestActors.coordinator(), () -> {
            q2 = indicators.compute(Period.quarter(2025, 2), null);
            q3 = indicators.compute(Period.quarter(2025, 3), null);
        });
    }

    @AfterAll
    void clean() {
        jdbc.sql("delete from participant_survey_answer").update();
        jdbc.sql("delete from participant_outcome").update();
        jdbc.sql("delete from participant_assessment").update();
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant_match_review",
                "participant_near_key", "participant_identity", "participant_vault", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where not demo").update();
        jdbc.sql("""
                delete from partnership_membership where organisation_id in
                (select id from partnership_organisation where name like '% – test')""").update();
        jdbc.sql("delete from partnership_organisation where name like '% – test'").update();
    }

    @Test
    void participantsInSupportActivitiesCountUniquePersonsAcrossNetworks() {
        assertThat(q2.value("AMIF-O3", null)).isEqualByComparingTo("3");
        assertThat(q2.value("AMIF-O3", M)).isEqualByComparingTo("2");
        assertThat(q2.value("AMIF-O3", C)).isEqualByComparingTo("2");
        assertThat(keys(q2, "AMIF-O3", null, Dimension.SEX)).isEqualTo(Map.of("F", 2L, "M", 1L));
        assertThat(keys(q2, "AMIF-O3", null, Dimension.ACTION)).isEqualTo(Map.of("02", 3L, "03", 3L));
        assertThat(keys(q2, "AMIF-O3", null, Dimension.AGE_BAND))
                .isEqualTo(Map.of("18-24", 1L, "25-34", 1L, "35-49", 1L));
        assertThat(keys(q2, "AMIF-O3", null, Dimension.VULNERABILITY)).isEqualTo(Map.of("Y", 1L, "N", 2L));
        assertThat(keys(q2, "AMIF-O3", null, Dimension.CITIZENSHIP))
                .isEqualTo(Map.of("MA", 1L, "EG", 1L, "AL", 1L));
        assertThat(keys(q2, "AMIF-O3", null, Dimension.PROVINCE)).isEqualTo(Map.of("015", 3L));
        assertThat(keys(q2, "AMIF-O3", C, Dimension.SEX)).isEqualTo(Map.of("F", 2L));
    }

    @Test
    void theProjectsBreakdownsByPersonAttributesAddUpToItsTotal() {
        for (String code : List.of("AMIF-O3", "AMIF-O3.1", "AMIF-R8", "AMIF-R11")) {
            for (Dimension d : List.of(Dimension.SEX, Dimension.AGE_BAND, Dimension.CITIZENSHIP, Dimension.PROVINCE,
                    Dimension.COMUNE, Dimension.VULNERABILITY)) {
                if (!indicators.definition(code).breakdowns().contains(d)) {
                    assertThat(q2.breakdown(code, null, d)).as(code + " has no breakdown by " + d).isEmpty();
                    continue;
                }
                long sum = q2.breakdown(code, null, d).stream().mapToLong(c -> c.value().longValueExact()).sum();
                assertThat(sum).as(code + " by " + d).isEqualTo(q2.value(code, null).longValueExact());
            }
        }
    }

    @Test
    void presenceNotEnrolmentMakesAParticipant() {
        assertThat(q2.value("AMIF-O3.1", null)).as("Chen withdrew without attending; Dina attended, then withdrew")
                .isEqualByComparingTo("3");
        assertThat(q2.value("AMIF-O3.2", null)).isEqualByComparingTo("1");
        assertThat(q3.value("AMIF-O3.1", null)).as("nobody attended in Q3").isEqualByComparingTo("0");
    }

    @Test
    void outcomesCountInThePeriodOfTheirDate() {
        assertThat(q2.value("AMIF-O3.3", null)).isEqualByComparingTo("1");
        assertThat(q2.value("AMIF-R11", M)).isEqualByComparingTo("1");
        assertThat(q2.value("AMIF-R10", null)).isEqualByComparingTo("0");
        assertThat(q3.value("AMIF-R10", null)).isEqualByComparingTo("1");
        assertThat(q3.value("AMIF-R10", C)).isEqualByComparingTo("1");
    }

    @Test
    void languageResultNeedsEntryAndAHigherExitAndCountsInThePeriodOfTheExit() {
        assertThat(q2.value("AMIF-R8", null)).as("alfa to pre-A1 is one level").isEqualByComparingTo("1");
        assertThat(q2.value("AMIF-R8", M)).isEqualByComparingTo("1");
        assertThat(q3.value("AMIF-R8", null)).isEqualByComparingTo("1");
        assertThat(q3.value("AMIF-R8", C)).isEqualByComparingTo("1");
        assertThat(q2.value("P2-L2-RATE", null)).isEqualByComparingTo("100.0");
        assertThat(q3.value("P2-L2-EXIT", null)).isEqualByComparingTo("2");
        assertThat(q3.value("P2-L2-RATE", null)).isEqualByComparingTo("50.0");
        IndicatorResult year = computeAsCoordinator(Period.year(2025), null);
        assertThat(year.value("AMIF-R8", null)).as("once in the year though she improved twice")
                .isEqualByComparingTo("1");
    }

    @Test
    void aPersonAnsweringTwiceCountsOnce() {
        IndicatorResult now = computeAsCoordinator(indicators.currentQuarter(), null);
        assertThat(now.value("AMIF-R9", null)).isEqualByComparingTo("1");
    }

    @Test
    void thingsAreCountedOnce() {
        assertThat(q2.value("P3-DESK", null)).isEqualByComparingTo("3");
        assertThat(q2.value("P3-DESK", C)).isEqualByComparingTo("3");
        assertThat(q2.value("P0-ACTIVITIES", null)).isEqualByComparingTo("4");
        assertThat(keys(q2, "P0-ACTIVITIES", null, Dimension.COMUNE)).isEqualTo(Map.of(MILANO, 2L, CREMA, 2L));
        assertThat(q3.value("P0-ACTIVITIES", null)).isEqualByComparingTo("1");
        assertThat(q2.value("P1-TIES", null)).as("one pair, on two activities").isEqualByComparingTo("1");
        assertThat(q2.value("P1-TIES-X", M)).isEqualByComparingTo("1");
        assertThat(q3.value("P1-TIES", null)).isEqualByComparingTo("0");
    }

    @Test
    void erasureLeavesTheCountsUnchanged() {
        assertThat(jdbc.sql("select count(*) from participant where erased_at is not null").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(q2.value("AMIF-O3.2", null)).as("Bilal, erased, still counted").isEqualByComparingTo("1");
    }

    @Test
    void aNetworkSeesOnlyItsOwnValues() {
        IndicatorResult milano = computeAs(TestActors.lead(M), Period.quarter(2025, 2), M);
        assertThat(milano.cells()).allMatch(c -> M.equals(c.network()));
        assertThat(milano.value("AMIF-O3", M)).isEqualByComparingTo("2");
        TestActors.actAs(TestActors.lead(M));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> indicators.compute(Period.quarter(2025, 2), C))
                    .isInstanceOf(it.labimpact.shared.RecordNotFoundException.class);
        } finally {
            TestActors.clear();
        }
    }

    @Test
    void theRecordsBehindANumberAreTheOnesCounted() {
        TestActors.actAs(TestActors.coordinator());
        try {
            List<DrillRecord> records = indicators.records("AMIF-O3.1", Period.quarter(2025, 2), C, Dimension.SEX,
                    "F");
            assertThat(records).extracting(DrillRecord::kind).containsOnly("participant");
            assertThat(records).hasSize(2).allMatch(r -> C.equals(r.network()));
            assertThat(indicators.records("P0-ACTIVITIES", Period.quarter(2025, 3), null, null, null))
                    .extracting(DrillRecord::kind, DrillRecord::network).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("activity", C));
        } finally {
            TestActors.clear();
        }
    }

    @Test
    void theQuarterlyTrendAgreesWithEachQuarterComputedAlone() {
        List<String> codes = List.of("AMIF-O3", "AMIF-O3.1", "AMIF-R8", "AMIF-R10", "P2-L2-RATE", "P3-DESK",
                "P0-ACTIVITIES");
        TestActors.actAs(TestActors.coordinator());
        try {
            Map<Period, IndicatorResult> trend = indicators.trend(codes, null, false);
            assertThat(trend.keySet()).first().isEqualTo(Period.quarter(2024, 1));
            assertThat(trend.get(Period.quarter(2025, 2)).value("AMIF-O3.1", null)).isEqualByComparingTo("3");
            assertThat(trend.get(Period.quarter(2025, 3)).value("AMIF-R8", C)).isEqualByComparingTo("1");
            for (Period quarter : List.of(Period.quarter(2025, 1), Period.quarter(2025, 2), Period.quarter(2025, 3))) {
                IndicatorResult alone = indicators.compute(quarter, null, codes);
                for (String code : codes) {
                    for (String network : java.util.Arrays.asList(null, M, C)) {
                        assertThat(trend.get(quarter).value(code, network)).as(code + " " + network + " " + quarter)
                                .isEqualByComparingTo(alone.value(code, network));
                    }
                }
            }
        } finally {
            TestActors.clear();
        }
    }

    // --- helpers ---

    private IndicatorResult computeAsCoordinator(Period period, String network) {
        return computeAs(TestActors.coordinator(), period, network);
    }

    private IndicatorResult computeAs(Actor actor, Period period, String network) {
        return TestActors.call(actor, () -> indicators.compute(period, network));
    }

    private static Map<String, Long> keys(IndicatorResult r, String code, String network, Dimension d) {
        return r.breakdown(code, network, d).stream()
                .collect(Collectors.toMap(Cell::key, c -> c.value().longValueExact()));
    }

    private long activity(String network, String type, String comune, String from, String to, List<Long> partners) {
        return data().activity(type + " – indicatori", network, type, comune, from, to, partners);
    }

    private static ParticipantData person(String name, Sex sex, String born, String country, boolean vulnerable) {
        return new ParticipantData("Indicatori", name, sex, date(born), country, country, null, MILANO,
                date("2025-03-01"), null, null, vulnerable ? List.of(Vulnerability.SINGLE_PARENT) : List.of(), null,
                null);
    }

    private static AssessmentData italian(AssessmentPhase phase, String day, String level) {
        return new AssessmentData(AssessmentKind.ITALIAN_L2, phase, date(day), level, null,
                AssessmentInstrument.PLACEMENT_TEST, null, null, null);
    }

    private IndicatorFixtures data() {
        return new IndicatorFixtures(activities, registry, enrolments, jdbc);
    }

    private UUID personOf(UUID participant) {
        return jdbc.sql("select person_id from participant where id = :id").param("id", participant)
                .query(UUID.class).single();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
