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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The assessment, outcome and survey sections of the record and the public survey page render completely (no
 * unresolved key) in every language they support; mistakes come back beside their field; the API answers
 * problem+json; another network gets 404.
 */
@SpringBootTest(properties = "labimpact.demo.enabled=true")
@AutoConfigureMockMvc
class AssessmentPagesTest {

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

    @Autowired
    Surveys surveys;

    UUID participant;
    long course;

    @BeforeEach
    void setUp() {
        FollowUpFixtures.clean(jdbc);
        participant = register(registry, jdbc, OPERATOR, person("Ndiaye", "Awa", LocalDate.of(1990, 3, 12), null))
                .participantId();
        course = FollowUpFixtures.course(management, jdbc, "milano", ParticipantFixtures.MILANO);
    }

    @AfterEach
    void tearDown() {
        TestActors.clear();
        FollowUpFixtures.clean(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void theRecordShowsAssessmentsOutcomesAndSurveys(String lang) throws Exception {
        TestActors.actAs(OPERATOR);
        LocalDate contact = LocalDate.now().minusDays(3);
        assessments.record(participant, AssessmentsTest.italian(AssessmentPhase.ENTRY, contact, "A1"));
        assessments.record(participant, AssessmentsTest.italian(AssessmentPhase.EXIT, LocalDate.now(), "A2"));
        assessments.record(participant, new AssessmentData(AssessmentKind.DIGCOMP, AssessmentPhase.ENTRY, contact,
                "3", DigCompLevel.Area.SAFETY, AssessmentInstrument.CERTIFICATION, CertificationBody.OTHER, course,
                null));
        outcomes.record(participant, new OutcomeData(OutcomeType.EMPLOYMENT_STATUS, contact, AssessmentPhase.ENTRY,
                EmploymentStatus.IN_EDUCATION, course));
        outcomes.record(participant, new OutcomeData(OutcomeType.QUALIFICATION_RECOGNITION, contact, null, null,
                null));
        surveys.record(participant, course, SurveysTest.ANSWERS);
        TestActors.clear();
        Locale locale = Locale.forLanguageTag(lang);
        for (Actor actor : List.of(OPERATOR, TestActors.lead("milano"), TestActors.coordinator(),
                TestActors.admin())) {
            String page = rendered(get("/participants/" + participant).locale(locale), actor);
            assertThat(page).contains("id=\"assessment-section\"").contains("id=\"outcome-section\"")
                    .contains("id=\"survey-section\"").contains(FollowUpFixtures.COURSE);
            String sections = page.substring(page.indexOf("id=\"assessment-section\""), page.indexOf("id=\"edit\""));
            assertThat(sections).as("apostrophes shown once").doesNotContain("&#39;&#39;").doesNotContain("''");
        }
        String en = rendered(get("/participants/" + participant).locale(Locale.ENGLISH), OPERATOR);
        String enSections = en.substring(en.indexOf("id=\"assessment-section\""), en.indexOf("id=\"edit\""));
        assertThat(enSections.split("name=\"activityId\"", -1)).as("one activity field per form").hasSize(5);
        assertThat(en).contains("Improved by at least one level").contains("In education or training");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void mistakesComeBackBesideTheirField(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        String page = afterRedirect(post("/participants/" + participant + "/assessments").locale(locale)
                .param("kind", "DIGCOMP").param("phase", "ENTRY").param("date", LocalDate.now().toString())
                .param("level", "9").param("instrument", "OTHER"), locale);
        assertThat(page).contains("id=\"assessment-level-error\"").contains("aria-invalid=\"true\"")
                .contains("assessment-level-hint assessment-level-error");

        page = afterRedirect(post("/participants/" + participant + "/outcomes").locale(locale)
                .param("type", "PROFESSIONAL_GUIDANCE").param("date", LocalDate.now().plusDays(2).toString()), locale);
        assertThat(page).contains("id=\"outcome-date-error\"").contains("aria-describedby=\"outcome-date-error\"")
                .contains("value=\"" + LocalDate.now().plusDays(2) + "\"");

        page = afterRedirect(post("/participants/" + participant + "/surveys").locale(locale)
                .param("activityId", String.valueOf(course)).param("contentUseful", "4"), locale);
        assertThat(page).contains("id=\"survey-helpful-error\"");

        page = afterRedirect(post("/participants/" + participant + "/assessments").locale(locale)
                .param("kind", "ITALIAN_L2").param("phase", "ENTRY").param("date", "yesterday")
                .param("level", "A1").param("instrument", "OTHER"), locale);
        assertThat(page).contains("id=\"assessment-date-error\"");
        assertThat(jdbc.sql("select count(*) from participant_assessment").query(Long.class).single()).isZero();
    }

    @Test
    void anOperatorGeneratesALinkThatIsAnsweredOnceInArabic() throws Exception {
        MvcResult result = mvc.perform(post("/participants/" + participant + "/surveys/link")
                .param("activityId", String.valueOf(course)).param("language", "ar")
                .with(csrf()).with(TestActors.as(OPERATOR))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        String link = (String) result.getFlashMap().get("surveyLink");
        assertThat(link).matches("http://localhost/survey/[A-Za-z0-9_-]{43}");
        String path = link.substring("http://localhost".length());

        String page = publicPage(get(path));
        assertThat(page).contains("lang=\"ar\"").contains("dir=\"rtl\"").contains(FollowUpFixtures.COURSE)
                .contains("name=\"_csrf\"").doesNotContain("Ndiaye").doesNotContain("<script");

        assertThat(mvc.perform(post(path).param("helpful", "YES")).andReturn().getResponse().getStatus())
                .as("the form keeps CSRF").isEqualTo(403);
        assertThat(publicPage(post(path).with(csrf()).param("helpful", "YES").param("staffUnderstood", "5")))
                .contains("id=\"survey-thanks\"");
        assertThat(publicPage(get(path))).contains("id=\"survey-answered\"").doesNotContain("<form");
        assertThat(publicPage(post(path).with(csrf()).param("helpful", "NO"))).contains("id=\"survey-answered\"");
        assertThat(jdbc.sql("select helpful from participant_survey_answer").query(String.class).list())
                .containsExactly("YES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en", "fr", "es", "ar"})
    void theSurveyPageSpeaksTheLinksLanguage(String lang) throws Exception {
        TestActors.actAs(OPERATOR);
        SurveyLink link = surveys.createLink(participant, course, lang);
        TestActors.clear();
        String page = publicPage(get(link.path()).locale(Locale.ITALIAN));
        assertThat(page).contains("lang=\"" + lang + "\"").contains("dir=\"" + ("ar".equals(lang) ? "rtl" : "ltr") + "\"")
                .contains("name=\"helpful\"").contains("name=\"wouldRecommend\"");
        String mistakes = publicPage(post(link.path()).with(csrf()).param("contentUseful", "7"));
        assertThat(mistakes).contains("id=\"helpful-error\"").contains("id=\"contentUseful-error\"")
                .contains("aria-invalid=\"true\"");
        assertThat(publicPage(get("/survey/not-a-token"))).contains("id=\"survey-unknown\"");
        jdbc.sql("update participant_survey_link set expires_at = now() - interval '1 day'").update();
        assertThat(publicPage(get(link.path()))).contains("id=\"survey-expired\"");
    }

    @Test
    void theApiRecordsAndListsWithProblemsForMistakes() throws Exception {
        String assessment = """
                {"kind":"ITALIAN_L2","phase":"ENTRY","date":"%s","level":"A2","instrument":"CERTIFICATION",
                 "certificationBody":"PLIDA","activityId":%d}""".formatted(LocalDate.now(), course);
        assertThat(api(post("/api/v1/participants/" + participant + "/assessments").content(assessment), OPERATOR)
                .getStatus()).isEqualTo(201);
        MockHttpServletResponse list = api(get("/api/v1/participants/" + participant + "/assessments"), OPERATOR);
        assertThat(list.getContentAsString()).contains("\"languageLevel\":\"A2\"").contains("\"progress\"");

        MockHttpServletResponse bad = api(post("/api/v1/participants/" + participant + "/assessments")
                .content(assessment.replace("\"A2\"", "\"Z9\"")), OPERATOR);
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentType()).startsWith("application/problem+json");
        assertThat(bad.getContentAsString()).contains("\"field\":\"level\"");

        String outcome = "{\"type\":\"PROFESSIONAL_GUIDANCE\",\"date\":\"%s\"}".formatted(LocalDate.now());
        assertThat(api(post("/api/v1/participants/" + participant + "/outcomes").content(outcome), OPERATOR)
                .getStatus()).isEqualTo(201);
        MockHttpServletResponse duplicate = api(post("/api/v1/participants/" + participant + "/outcomes")
                .content(outcome), OPERATOR);
        assertThat(duplicate.getStatus()).isEqualTo(422);
        assertThat(duplicate.getContentAsString()).contains("\"field\":\"date\"");
        assertThat(api(get("/api/v1/participants/" + participant + "/outcomes"), OPERATOR).getContentAsString())
                .contains("PROFESSIONAL_GUIDANCE");

        long assessmentId = jdbc.sql("select id from participant_assessment").query(Long.class).single();
        String correction = "{\"version\":0,\"assessment\":" + assessment.replace("\"A2\"", "\"B1\"") + "}";
        assertThat(api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/participants/" + participant + "/assessments/" + assessmentId).content(correction), OPERATOR)
                .getContentAsString()).contains("\"languageLevel\":\"B1\"").contains("\"version\":1");
        MockHttpServletResponse stale = api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/participants/" + participant + "/assessments/" + assessmentId).content(correction), OPERATOR);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");

        String survey = "{\"activityId\":%d,\"answers\":{\"helpful\":\"YES\",\"contentUseful\":4}}".formatted(course);
        assertThat(api(post("/api/v1/participants/" + participant + "/surveys").content(survey), OPERATOR)
                .getStatus()).isEqualTo(201);
        assertThat(api(post("/api/v1/participants/" + participant + "/surveys").content(survey), OPERATOR)
                .getStatus()).as("a survey answered twice").isEqualTo(422);
    }

    @Test
    void anotherNetworkGets404AndEvaluatorsNothing() throws Exception {
        Actor crema = TestActors.operator("cremasca");
        String outcome = "{\"type\":\"PROFESSIONAL_GUIDANCE\",\"date\":\"%s\"}".formatted(LocalDate.now());
        for (MockHttpServletRequestBuilder request : List.of(
                get("/api/v1/participants/" + participant + "/assessments"),
                get("/api/v1/participants/" + participant + "/outcomes"),
                post("/api/v1/participants/" + participant + "/outcomes").content(outcome))) {
            assertThat(api(request, crema).getStatus()).isEqualTo(404);
            assertThat(api(request, TestActors.evaluator()).getStatus()).isEqualTo(403);
        }
        Actor governance = new Actor(6, "test.governance", "Test Governance", it.labimpact.shared.Role.GOVERNANCE,
                it.labimpact.shared.ScopeType.PROJECT, null, null);
        assertThat(api(get("/api/v1/participants/" + participant + "/assessments"), governance).getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/participants/" + participant + "/outcomes").param("type", "PROFESSIONAL_GUIDANCE")
                .with(csrf()).with(TestActors.as(governance))).andReturn().getResponse().getStatus()).isEqualTo(403);
        for (String form : List.of("/assessments", "/outcomes", "/surveys", "/surveys/link")) {
            MockHttpServletResponse r = mvc.perform(post("/participants/" + participant + form)
                    .param("type", "PROFESSIONAL_GUIDANCE").param("date", LocalDate.now().toString())
                    .param("activityId", String.valueOf(course)).param("language", "it").param("helpful", "YES")
                    .with(csrf()).with(TestActors.as(crema))).andReturn().getResponse();
            assertThat(r.getStatus()).as(form).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from participant_outcome").query(Long.class).single()
                + jdbc.sql("select count(*) from participant_survey_link").query(Long.class).single()).isZero();
    }

    private String rendered(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        String body = r.getContentAsString();
        assertThat(body).contains("</html>").doesNotContain("??");
        return body;
    }

    /** Posts a form as the operator, then renders the record with what the redirect carried. */
    private String afterRedirect(MockHttpServletRequestBuilder post, Locale locale) throws Exception {
        MvcResult result = mvc.perform(post.with(csrf()).with(TestActors.as(OPERATOR))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return rendered(get("/participants/" + participant).locale(locale).flashAttrs(result.getFlashMap()), OPERATOR);
    }

    private String publicPage(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        String body = r.getContentAsString();
        assertThat(body).contains("</html>").doesNotContain("??");
        return body;
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).with(TestActors.as(actor)).with(csrf()))
                .andReturn().getResponse();
    }
}
