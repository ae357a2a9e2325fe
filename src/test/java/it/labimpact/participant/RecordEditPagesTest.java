package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Correcting an assessment or an outcome from the pages: the forms render pre-filled in every language of the staff
 * pages, a correction is saved and audited, a stale version shows the conflict and changes nothing, a mistake comes
 * back beside its field, and another network or another participant's record is 404.
 */
@SpringBootTest(properties = "labimpact.demo.enabled=true")
@AutoConfigureMockMvc
class RecordEditPagesTest {

    static final Actor OPERATOR = TestActors.operator("milano");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ActivityManagement management;

    @Autowired
    Assessments assessments;

    @Autowired
    Outcomes outcomes;

    UUID participant;
    long course;
    long assessment;
    long outcome;

    @BeforeEach
    void setUp() {
        FollowUpFixtures.clean(jdbc);
        participant = register(registry, jdbc, OPERATOR, person("Ndiaye", "Awa", LocalDate.of(1990, 3, 12), null))
                .participantId();
        course = FollowUpFixtures.course(management, jdbc, "milano", ParticipantFixtures.MILANO);
        TestActors.actAs(OPERATOR);
        assessment = assessments.record(participant, new AssessmentData(AssessmentKind.DIGCOMP,
                AssessmentPhase.ENTRY, LocalDate.now(), "3", DigCompLevel.Area.SAFETY,
                AssessmentInstrument.CERTIFICATION, CertificationBody.OTHER, course, null));
        outcome = outcomes.record(participant, new OutcomeData(OutcomeType.EMPLOYMENT_STATUS, LocalDate.now(),
                AssessmentPhase.ENTRY, EmploymentStatus.IN_EDUCATION, course));
        TestActors.clear();
    }

    @AfterEach
    void tearDown() {
        TestActors.clear();
        FollowUpFixtures.clean(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void theRecordLinksToFormsThatArePreFilled(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        String record = rendered(get("/participants/" + participant).locale(locale), OPERATOR);
        assertThat(record).contains("href=\"/participants/" + participant + "/assessments/" + assessment + "/edit\"")
                .contains("href=\"/participants/" + participant + "/outcomes/" + outcome + "/edit\"");

        String form = rendered(get(assessmentPath() + "/edit").locale(locale), OPERATOR);
        assertThat(form).contains("id=\"assessment-edit\"").contains("lang=\"" + lang + "\"")
                .contains("action=\"" + assessmentPath() + "\"")
                .contains("name=\"version\" value=\"0\"")
                .contains("<option value=\"DIGCOMP\" selected=\"selected\"")
                .contains("<option value=\"3\" selected=\"selected\"")
                .contains("<option value=\"SAFETY\" selected=\"selected\"")
                .contains("<option value=\"" + course + "\" selected=\"selected\"")
                .contains("value=\"" + LocalDate.now() + "\"")
                .doesNotContain("<script>").doesNotContain("&#39;&#39;");

        form = rendered(get(outcomePath() + "/edit").locale(locale), OPERATOR);
        assertThat(form).contains("id=\"outcome-edit\"").contains("action=\"" + outcomePath() + "\"")
                .contains("name=\"version\" value=\"0\"")
                .contains("<option value=\"EMPLOYMENT_STATUS\" selected=\"selected\"")
                .contains("<option value=\"IN_EDUCATION\" selected=\"selected\"")
                .doesNotContain("&#39;&#39;");
    }

    @Test
    void aCorrectionIsSavedAndAudited() throws Exception {
        long audit = ParticipantFixtures.lastAuditId(jdbc);
        MockHttpServletResponse r = send(post(assessmentPath()).param("version", "0").param("kind", "DIGCOMP")
                .param("phase", "EXIT").param("date", LocalDate.now().toString()).param("level", "5")
                .param("area", "SAFETY").param("instrument", "PLACEMENT_TEST"), OPERATOR);
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(r.getRedirectedUrl()).isEqualTo("/participants/" + participant + "#assessment-section");
        Map<String, Object> row = jdbc.sql("select phase, digcomp_level::int as digcomp_level, certification_body, activity_id, version "
                + "from participant_assessment where id = :id").param("id", assessment).query().singleRow();
        assertThat(row).containsEntry("phase", "EXIT").containsEntry("digcomp_level", 5)
                .containsEntry("certification_body", null).containsEntry("activity_id", null)
                .containsEntry("version", 1);

        r = send(post(outcomePath()).param("version", "0").param("type", "EMPLOYMENT_STATUS")
                .param("date", LocalDate.now().toString()).param("phase", "ENTRY")
                .param("employmentStatus", "EMPLOYED").param("activityId", String.valueOf(course)), OPERATOR);
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(r.getRedirectedUrl()).isEqualTo("/participants/" + participant + "#outcome-section");
        assertThat(jdbc.sql("select employment_status from participant_outcome where id = :id")
                .param("id", outcome).query(String.class).single()).isEqualTo("EMPLOYED");

        assertThat(ParticipantFixtures.auditSince(jdbc, audit)).extracting(a -> a.get("action"))
                .containsExactly("participant.assessment.correct", "participant.outcome.correct");
        assertThat(ParticipantFixtures.auditSince(jdbc, audit)).extracting(a -> a.get("actor"))
                .containsOnly(OPERATOR.username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void aStaleVersionShowsTheConflictAndKeepsWhatWasTyped(String lang) throws Exception {
        TestActors.actAs(OPERATOR);
        assessments.correct(participant, assessment, 0, new AssessmentData(AssessmentKind.DIGCOMP,
                AssessmentPhase.ENTRY, LocalDate.now(), "4", DigCompLevel.Area.SAFETY,
                AssessmentInstrument.OTHER, null, null, null));
        TestActors.clear();
        long audit = ParticipantFixtures.lastAuditId(jdbc);
        Locale locale = Locale.forLanguageTag(lang);
        String page = page(post(assessmentPath()).locale(locale).param("version", "0").param("kind", "DIGCOMP")
                .param("phase", "EXIT").param("date", LocalDate.now().toString()).param("level", "7")
                .param("area", "SAFETY").param("instrument", "OTHER"));
        String conflict = "it".equals(lang) ? "Qualcun altro ha modificato questo record" : "Someone else changed";
        assertThat(page).contains("role=\"alert\"").contains(conflict)
                .contains("<option value=\"7\" selected=\"selected\"")
                .contains("<option value=\"EXIT\" selected=\"selected\"")
                .contains("name=\"version\" value=\"0\"");
        assertThat(jdbc.sql("select digcomp_level from participant_assessment where id = :id")
                .param("id", assessment).query(Integer.class).single()).isEqualTo(4);

        page = page(post(outcomePath()).locale(locale).param("version", "3").param("type", "PROFESSIONAL_GUIDANCE")
                .param("date", LocalDate.now().toString()));
        assertThat(page).contains(conflict).contains("<option value=\"PROFESSIONAL_GUIDANCE\" selected=\"selected\"");
        assertThat(jdbc.sql("select type from participant_outcome where id = :id").param("id", outcome)
                .query(String.class).single()).isEqualTo("EMPLOYMENT_STATUS");
        assertThat(ParticipantFixtures.auditSince(jdbc, audit)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void aBadLevelComesBackBesideTheField(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        String page = page(post(assessmentPath()).locale(locale).param("version", "0").param("kind", "ITALIAN_L2")
                .param("phase", "ENTRY").param("date", LocalDate.now().toString()).param("level", "9")
                .param("instrument", "OTHER"));
        assertThat(page).contains("id=\"assessment-level-error\"").contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"assessment-level-hint assessment-level-error\"")
                .contains("<option value=\"ITALIAN_L2\" selected=\"selected\"");

        page = page(post(outcomePath()).locale(locale).param("version", "0").param("type", "PROFESSIONAL_GUIDANCE")
                .param("date", LocalDate.now().plusDays(2).toString()));
        assertThat(page).contains("id=\"outcome-date-error\"").contains("aria-describedby=\"outcome-date-error\"")
                .contains("value=\"" + LocalDate.now().plusDays(2) + "\"");
        assertThat(jdbc.sql("select version from participant_assessment").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select version from participant_outcome").query(Integer.class).single()).isZero();
    }

    @Test
    void anotherNetworkOrAnotherParticipantsRecordIs404() throws Exception {
        Actor crema = TestActors.operator("cremasca");
        assertThat(status(get(assessmentPath() + "/edit"), crema)).isEqualTo(404);
        assertThat(status(get(outcomePath() + "/edit"), crema)).isEqualTo(404);
        assertThat(send(post(assessmentPath()).param("version", "0").param("kind", "ITALIAN_L2")
                .param("phase", "ENTRY").param("date", LocalDate.now().toString()).param("level", "A1")
                .param("instrument", "OTHER"), crema).getStatus()).isEqualTo(404);
        assertThat(send(post(outcomePath()).param("version", "0").param("type", "PROFESSIONAL_GUIDANCE")
                .param("date", LocalDate.now().toString()), crema).getStatus()).isEqualTo(404);

        UUID other = register(registry, jdbc, OPERATOR, person("Diallo", "Moussa", LocalDate.of(1985, 6, 1), null))
                .participantId();
        for (String path : List.of("/assessments/" + assessment, "/outcomes/" + outcome)) {
            assertThat(status(get("/participants/" + other + path + "/edit"), OPERATOR)).as(path).isEqualTo(404);
            assertThat(send(post("/participants/" + other + path).param("version", "0")
                    .param("type", "PROFESSIONAL_GUIDANCE").param("date", LocalDate.now().toString()), OPERATOR)
                    .getStatus()).as(path).isEqualTo(404);
        }
        assertThat(status(get("/participants/" + participant + "/assessments/" + (assessment + 1000) + "/edit"),
                OPERATOR)).isEqualTo(404);
        assertThat(status(get(assessmentPath() + "/edit"), TestActors.evaluator())).isEqualTo(403);
        assertThat(jdbc.sql("select version from participant_assessment").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select version from participant_outcome").query(Integer.class).single()).isZero();
    }

    private String assessmentPath() {
        return "/participants/" + participant + "/assessments/" + assessment;
    }

    private String outcomePath() {
        return "/participants/" + participant + "/outcomes/" + outcome;
    }

    private String rendered(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        String body = r.getContentAsString();
        assertThat(body).contains("</html>").doesNotContain("??");
        return body;
    }

    /** Posts a correction as the operator that comes back to the form (200, no redirect). */
    private String page(MockHttpServletRequestBuilder post) throws Exception {
        MockHttpServletResponse r = send(post, OPERATOR);
        assertThat(r.getStatus()).isEqualTo(200);
        String body = r.getContentAsString();
        assertThat(body).contains("</html>").doesNotContain("??");
        return body;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder post, Actor actor) throws Exception {
        return mvc.perform(post.with(csrf()).with(TestActors.as(actor))).andReturn().getResponse();
    }

    private int status(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse().getStatus();
    }
}
