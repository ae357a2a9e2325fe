package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Assessments and outcomes on the embedded PostgreSQL: each rule, the scope by id, the audit trail. */
@SpringBootTest
class AssessmentsTest {

    static final LocalDate BORN = LocalDate.of(1990, 3, 12);

    @Autowired
    Assessments assessments;

    @Autowired
    Outcomes outcomes;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ActivityManagement management;

    @Autowired
    JdbcClient jdbc;

    UUID participant;
    long milanoCourse;
    long cremaCourse;
    LocalDate firstContact;

    @BeforeEach
    void setUp() {
        FollowUpFixtures.clean(jdbc);
        participant = register(registry, jdbc, TestActors.operator("milano"), person("Ndiaye", "Awa", BORN, null))
                .participantId();
        firstContact = LocalDate.now().minusDays(3);
        milanoCourse = FollowUpFixtures.course(management, jdbc, "milano", ParticipantFixtures.MILANO);
        cremaCourse = FollowUpFixtures.course(management, jdbc, "cremasca", ParticipantFixtures.CREMA);
        TestActors.actAs(TestActors.operator("milano"));
    }

    @AfterEach
    void tearDown() {
        TestActors.clear();
        FollowUpFixtures.clean(jdbc);
    }

    static AssessmentData italian(AssessmentPhase phase, LocalDate date, String level) {
        return new AssessmentData(AssessmentKind.ITALIAN_L2, phase, date, level, null,
                AssessmentInstrument.PLACEMENT_TEST, null, null, null);
    }

    static AssessmentData digComp(AssessmentPhase phase, LocalDate date, String level, DigCompLevel.Area area) {
        return new AssessmentData(AssessmentKind.DIGCOMP, phase, date, level, area,
                AssessmentInstrument.SELF_ASSESSMENT, null, null, null);
    }

    @Test
    void entryAndExitShowAnImprovementOfAtLeastOneLevel() {
        long audit = ParticipantFixtures.lastAuditId(jdbc);
        assessments.record(participant, new AssessmentData(AssessmentKind.ITALIAN_L2, AssessmentPhase.ENTRY,
                firstContact, "pre-A1", null, AssessmentInstrument.PLACEMENT_TEST, null, milanoCourse,
                ParticipantFixtures.leadOrganisation(jdbc, "milano")));
        assessments.record(participant, new AssessmentData(AssessmentKind.ITALIAN_L2, AssessmentPhase.EXIT,
                LocalDate.now(), "A1", null, AssessmentInstrument.CERTIFICATION, CertificationBody.CILS, milanoCourse,
                null));
        assessments.record(participant, digComp(AssessmentPhase.ENTRY, firstContact, "3", DigCompLevel.Area.SAFETY));
        assessments.record(participant, digComp(AssessmentPhase.EXIT, LocalDate.now(), "3", DigCompLevel.Area.SAFETY));
        assessments.record(participant, digComp(AssessmentPhase.ENTRY, firstContact, "2", null));

        List<LevelProgress> progress = assessments.progress(participant);
        assertThat(progress).extracting(LevelProgress::kind, LevelProgress::area, LevelProgress::improved)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AssessmentKind.ITALIAN_L2, null, true),
                        org.assertj.core.groups.Tuple.tuple(AssessmentKind.DIGCOMP, DigCompLevel.Area.SAFETY, false),
                        org.assertj.core.groups.Tuple.tuple(AssessmentKind.DIGCOMP, null, null));
        assertThat(progress.get(0).entry().languageLevel()).isEqualTo(LanguageLevel.PRE_A1);
        assertThat(progress.get(0).exit().certificationBody()).isEqualTo(CertificationBody.CILS);

        List<Map<String, Object>> rows = ParticipantFixtures.auditSince(jdbc, audit);
        assertThat(rows).hasSize(5).allSatisfy(r -> {
            assertThat(r.get("action")).isEqualTo("participant.assessment.record");
            assertThat(r.get("record_id")).isEqualTo(participant.toString());
            assertThat(r.get("actor")).isEqualTo("test.operator.milano");
        });
    }

    @Test
    void datesInTheFutureOrBeforeTheFirstContactAreRefused() {
        assertRefused(() -> assessments.record(participant, italian(AssessmentPhase.ENTRY,
                LocalDate.now().plusDays(1), "A1")), "date", "assessment.date.future");
        assertRefused(() -> assessments.record(participant, italian(AssessmentPhase.ENTRY,
                firstContact.minusDays(1), "A1")), "date", "assessment.date.beforeFirstContact");
        assertRefused(() -> outcomes.record(participant, new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE,
                LocalDate.now().plusDays(1), null, null, null)), "date", "assessment.date.future");
        assertThat(count("participant_assessment") + count("participant_outcome")).isZero();
    }

    @Test
    void levelsOffTheirScaleAreRefused() {
        assertRefused(() -> assessments.record(participant, italian(AssessmentPhase.ENTRY, firstContact, "B3")),
                "level", "assessment.level.notOnScale");
        assertRefused(() -> assessments.record(participant, italian(AssessmentPhase.ENTRY, firstContact, "5")),
                "level", "assessment.level.notOnScale");
        for (String level : List.of("0", "9", "A2", "")) {
            assertRefused(() -> assessments.record(participant, digComp(AssessmentPhase.ENTRY, firstContact, level,
                    null)), "level", "assessment.digcomp.range");
        }
        assertRefused(() -> assessments.record(participant, new AssessmentData(AssessmentKind.ITALIAN_L2,
                AssessmentPhase.ENTRY, firstContact, "A1", DigCompLevel.Area.SAFETY, AssessmentInstrument.OTHER, null,
                null, null)), "area", "assessment.area.languageOnly");
        assertRefused(() -> assessments.record(participant, new AssessmentData(AssessmentKind.ITALIAN_L2,
                AssessmentPhase.ENTRY, firstContact, "A1", null, AssessmentInstrument.CERTIFICATION, null, null,
                null)), "certificationBody", "assessment.certificationBody.required");
        assertThat(count("participant_assessment")).isZero();
    }

    @Test
    void theDatabaseChecksEachKindOfAssessment() {
        String insert = """
                insert into participant_assessment (participant_id, kind, phase, assessed_on, language_level,
                    digcomp_level, instrument, recorded_by)
                values (:p, :kind, 'ENTRY', current_date, :lang, :dig, 'OTHER', 'test')""";
        for (Object[] wrong : List.<Object[]>of(new Object[] {"ITALIAN_L2", "B3", null},
                new Object[] {"ITALIAN_L2", "A1", 3}, new Object[] {"DIGCOMP", null, 9},
                new Object[] {"DIGCOMP", "A1", 3})) {
            assertThatThrownBy(() -> jdbc.sql(insert).param("p", participant).param("kind", wrong[0])
                    .param("lang", wrong[1]).param("dig", wrong[2]).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Test
    void anActivityOfAnotherNetworkIsRefused() {
        assertRefused(() -> assessments.record(participant, new AssessmentData(AssessmentKind.ITALIAN_L2,
                AssessmentPhase.ENTRY, firstContact, "A1", null, AssessmentInstrument.OTHER, null, cremaCourse, null)),
                "activityId", "assessment.activity.otherNetwork");
        assertRefused(() -> outcomes.record(participant, new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE,
                firstContact, null, null, cremaCourse)), "activityId", "assessment.activity.otherNetwork");
        assertRefused(() -> outcomes.record(participant, new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE,
                firstContact, null, null, 999_999_999L)), "activityId", "assessment.activity.otherNetwork");
    }

    @Test
    void theSameOutcomeTwiceOnTheSameDateIsRefused() {
        long audit = ParticipantFixtures.lastAuditId(jdbc);
        outcomes.record(participant, new OutcomeData(OutcomeType.LONG_TERM_RESIDENCE, firstContact, null, null,
                milanoCourse));
        assertRefused(() -> outcomes.record(participant, new OutcomeData(OutcomeType.LONG_TERM_RESIDENCE,
                firstContact, null, null, null)), "date", "outcome.duplicate");
        outcomes.record(participant, new OutcomeData(OutcomeType.LONG_TERM_RESIDENCE, LocalDate.now(), null, null,
                null));
        outcomes.record(participant, new OutcomeData(OutcomeType.FAMILY_REUNIFICATION, firstContact, null, null,
                null));
        assertRefused(() -> outcomes.record(participant, new OutcomeData(OutcomeType.EMPLOYMENT_STATUS,
                firstContact, AssessmentPhase.ENTRY, null, null)), "employmentStatus", "assessment.required");
        outcomes.record(participant, new OutcomeData(OutcomeType.EMPLOYMENT_STATUS, firstContact,
                AssessmentPhase.ENTRY, EmploymentStatus.UNEMPLOYED_SEEKING, null));

        assertThat(outcomes.of(participant)).extracting(Outcome::type).containsExactly(
                OutcomeType.LONG_TERM_RESIDENCE, OutcomeType.FAMILY_REUNIFICATION, OutcomeType.EMPLOYMENT_STATUS,
                OutcomeType.LONG_TERM_RESIDENCE);
        assertThat(ParticipantFixtures.auditSince(jdbc, audit)).extracting(r -> r.get("action"))
                .containsOnly("participant.outcome.record").hasSize(4);
    }

    @Test
    void anotherNetworkFindsNothingAndEvaluatorsAreRefused() {
        assessments.record(participant, italian(AssessmentPhase.ENTRY, firstContact, "A1"));
        TestActors.actAs(TestActors.operator("cremasca"));
        assertThatThrownBy(() -> assessments.of(participant)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> outcomes.of(participant)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> assessments.record(participant, italian(AssessmentPhase.EXIT, LocalDate.now(), "A2")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> outcomes.record(participant, new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE,
                LocalDate.now(), null, null, null))).isInstanceOf(RecordNotFoundException.class);
        TestActors.actAs(TestActors.evaluator());
        assertThatThrownBy(() -> assessments.of(participant)).isInstanceOf(AccessDeniedException.class);
        TestActors.actAs(TestActors.coordinator());
        assertThat(assessments.of(participant)).hasSize(1);
        assertThat(count("participant_assessment")).isOne();
    }

    @Test
    void correctionsFollowTheRulesAndRefuseAStaleVersion() {
        long id = assessments.record(participant, italian(AssessmentPhase.EXIT, LocalDate.now(), "A1"));
        long audit = ParticipantFixtures.lastAuditId(jdbc);
        assessments.correct(participant, id, 0, italian(AssessmentPhase.EXIT, LocalDate.now(), "A2"));
        assertThat(assessments.of(participant)).singleElement().satisfies(a -> {
            assertThat(a.languageLevel()).isEqualTo(LanguageLevel.A2);
            assertThat(a.version()).isOne();
        });
        assertThatThrownBy(() -> assessments.correct(participant, id, 0,
                italian(AssessmentPhase.EXIT, LocalDate.now(), "B1"))).isInstanceOf(ConcurrentEditException.class);
        assertRefused(() -> assessments.correct(participant, id, 1, italian(AssessmentPhase.EXIT,
                LocalDate.now().plusDays(1), "B1")), "date", "assessment.date.future");
        assertThatThrownBy(() -> assessments.correct(participant, id + 1000, 0,
                italian(AssessmentPhase.EXIT, LocalDate.now(), "B1"))).isInstanceOf(RecordNotFoundException.class);

        long first = outcomes.record(participant, new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE, firstContact,
                null, null, null));
        outcomes.record(participant, new OutcomeData(OutcomeType.PROFESSIONAL_GUIDANCE, LocalDate.now(), null, null,
                null));
        assertRefused(() -> outcomes.correct(participant, first, 0, new OutcomeData(
                OutcomeType.PROFESSIONAL_GUIDANCE, LocalDate.now(), null, null, null)), "date", "outcome.duplicate");
        outcomes.correct(participant, first, 0, new OutcomeData(OutcomeType.FAMILY_REUNIFICATION, LocalDate.now(),
                null, null, null));
        assertThatThrownBy(() -> outcomes.correct(participant, first, 0, new OutcomeData(
                OutcomeType.LONG_TERM_RESIDENCE, LocalDate.now(), null, null, null)))
                .isInstanceOf(ConcurrentEditException.class);
        TestActors.actAs(TestActors.operator("cremasca"));
        assertThatThrownBy(() -> assessments.correct(participant, id, 1,
                italian(AssessmentPhase.EXIT, LocalDate.now(), "B1"))).isInstanceOf(RecordNotFoundException.class);
        assertThat(ParticipantFixtures.auditSince(jdbc, audit)).extracting(r -> r.get("action")).containsExactly(
                "participant.assessment.correct", "participant.outcome.record", "participant.outcome.record",
                "participant.outcome.correct");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static void assertRefused(ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
