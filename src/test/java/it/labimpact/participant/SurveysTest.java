package it.labimpact.participant;

import static it.labimpact.participant.AssessmentsTest.assertRefused;
import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.participant.SurveyAnswers.Helpful;
import it.labimpact.shared.RecordNotFoundException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The feedback survey: one-time links (only the hash stored, used once, expiry) and one answer per activity. */
@SpringBootTest
class SurveysTest {

    static final SurveyAnswers ANSWERS = new SurveyAnswers(Helpful.YES, 5, 4, 5, null);

    @Autowired
    Surveys surveys;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ActivityManagement management;

    @Autowired
    JdbcClient jdbc;

    UUID participant;
    long course;
    long cremaCourse;

    @BeforeEach
    void setUp() {
        FollowUpFixtures.clean(jdbc);
        participant = register(registry, jdbc, TestActors.operator("milano"),
                person("Ndiaye", "Awa", LocalDate.of(1990, 3, 12), null)).participantId();
        course = FollowUpFixtures.course(management, jdbc, "milano", ParticipantFixtures.MILANO);
        cremaCourse = FollowUpFixtures.course(management, jdbc, "cremasca", ParticipantFixtures.CREMA);
        TestActors.actAs(TestActors.operator("milano"));
    }

    @AfterEach
    void tearDown() {
        TestActors.clear();
        FollowUpFixtures.clean(jdbc);
    }

    @Test
    void aLinkStoresOnlyTheHashOfItsTokenAndWorksOnce() throws Exception {
        long audit = ParticipantFixtures.lastAuditId(jdbc);
        SurveyLink link = surveys.createLink(participant, course, "ar");
        TestActors.clear();

        assertThat(Base64.getUrlDecoder().decode(link.token())).hasSize(32);
        byte[] stored = jdbc.sql("select token_hash from participant_survey_link").query(byte[].class).single();
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(link.token().getBytes(StandardCharsets.US_ASCII)));
        String everything = jdbc.sql("select row_to_json(l)::text from participant_survey_link l")
                .query(String.class).single();
        assertThat(everything).doesNotContain(link.token());
        assertThat(link.expiresAt()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(29)),
                java.time.Instant.now().plus(java.time.Duration.ofDays(31)));

        SurveyInvitation invitation = surveys.invitation(link.token());
        assertThat(invitation.state()).isEqualTo(SurveyInvitation.State.OPEN);
        assertThat(invitation.language()).isEqualTo("ar");
        assertThat(invitation.activityTitle()).isEqualTo(FollowUpFixtures.COURSE);

        assertThat(surveys.answer(link.token(), ANSWERS)).isEqualTo(Surveys.Submission.RECORDED);
        assertThat(surveys.answer(link.token(), ANSWERS)).isEqualTo(Surveys.Submission.ALREADY_ANSWERED);
        assertThat(surveys.invitation(link.token()).state()).isEqualTo(SurveyInvitation.State.ANSWERED);
        assertThat(answers()).isOne();
        assertThat(ParticipantFixtures.auditSince(jdbc, audit)).extracting(r -> r.get("action"), r -> r.get("actor"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("participant.survey.link", "test.operator.milano"),
                        org.assertj.core.groups.Tuple.tuple("participant.survey.answer", "survey-link"));
    }

    @Test
    void twoSimultaneousAnswersThroughOneLinkRecordOne() throws Exception {
        SurveyLink link = surveys.createLink(participant, course, "it");
        TestActors.clear();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Surveys.Submission>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return surveys.answer(link.token(), ANSWERS);
                }));
            }
            start.countDown();
            java.util.List<Surveys.Submission> outcomes = new java.util.ArrayList<>();
            for (var r : results) {
                outcomes.add(r.get());
            }
            assertThat(outcomes).containsOnlyOnce(Surveys.Submission.RECORDED)
                    .containsOnly(Surveys.Submission.RECORDED, Surveys.Submission.ALREADY_ANSWERED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers()).isOne();
    }

    @Test
    void expiredAndUnknownLinksAreRefused() {
        SurveyLink link = surveys.createLink(participant, course, "it");
        jdbc.sql("update participant_survey_link set expires_at = now() - interval '1 minute'").update();
        TestActors.clear();
        assertThat(surveys.invitation(link.token()).state()).isEqualTo(SurveyInvitation.State.EXPIRED);
        assertThat(surveys.answer(link.token(), ANSWERS)).isEqualTo(Surveys.Submission.EXPIRED);
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThat(surveys.invitation(other).state()).isEqualTo(SurveyInvitation.State.UNKNOWN);
        assertThat(surveys.answer(other, ANSWERS)).isEqualTo(Surveys.Submission.UNKNOWN);
        assertThat(surveys.answer("short", ANSWERS)).isEqualTo(Surveys.Submission.UNKNOWN);
        assertThat(answers()).isZero();
    }

    @Test
    void aSurveyAnsweredTwiceCountsOnce() {
        SurveyLink link = surveys.createLink(participant, course, "fr");
        surveys.record(participant, course, new SurveyAnswers(Helpful.PARTLY, null, null, null, null));
        assertRefused(() -> surveys.record(participant, course, ANSWERS), "activityId",
                "assessment.survey.alreadyAnswered");
        assertRefused(() -> surveys.createLink(participant, course, "fr"), "activityId",
                "assessment.survey.alreadyAnswered");
        TestActors.clear();
        assertThat(surveys.invitation(link.token()).state()).isEqualTo(SurveyInvitation.State.ANSWERED);
        assertThat(surveys.answer(link.token(), ANSWERS)).isEqualTo(Surveys.Submission.ALREADY_ANSWERED);
        assertThat(answers()).isOne();
        assertThat(jdbc.sql("select helpful from participant_survey_answer").query(String.class).single())
                .isEqualTo("PARTLY");
    }

    @Test
    void answersAndLinksFollowTheRules() {
        assertRefused(() -> surveys.record(participant, course, new SurveyAnswers(null, 1, 1, 1, 1)), "helpful",
                "survey.helpful.required");
        assertRefused(() -> surveys.record(participant, course, new SurveyAnswers(Helpful.NO, 6, 1, 1, 1)),
                "contentUseful", "survey.item.range");
        assertRefused(() -> surveys.record(participant, cremaCourse, ANSWERS), "activityId",
                "assessment.activity.otherNetwork");
        assertRefused(() -> surveys.createLink(participant, course, "de"), "language", "assessment.survey.language");
        SurveyLink link = surveys.createLink(participant, course, "es");
        TestActors.clear();
        assertThatThrownBy(() -> surveys.answer(link.token(), new SurveyAnswers(null, null, null, null, null)))
                .isInstanceOf(it.labimpact.shared.RuleViolationException.class);
        assertThat(surveys.invitation(link.token()).state()).as("a refused answer leaves the link usable")
                .isEqualTo(SurveyInvitation.State.OPEN);
        assertThat(answers()).isZero();
    }

    @Test
    void anotherNetworkCannotMakeLinksOrEnterAnswers() {
        TestActors.actAs(TestActors.operator("cremasca"));
        assertThatThrownBy(() -> surveys.createLink(participant, course, "it"))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> surveys.record(participant, course, ANSWERS))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(jdbc.sql("select count(*) from participant_survey_link").query(Long.class).single()).isZero();
        assertThat(answers()).isZero();
    }

    private long answers() {
        return jdbc.sql("select count(*) from participant_survey_answer").query(Long.class).single();
    }
}
