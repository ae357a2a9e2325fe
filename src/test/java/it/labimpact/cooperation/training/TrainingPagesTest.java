package it.labimpact.cooperation.training;

import static it.labimpact.cooperation.training.TrainingFixtures.attendee;
import static it.labimpact.cooperation.training.TrainingFixtures.training;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.cooperation.NeedRegistry;
import it.labimpact.cooperation.TrainingAnswers;
import it.labimpact.cooperation.TrainingRegistry;
import it.labimpact.partnership.PartnershipManagement;
import it.labimpact.shared.Actor;
import java.util.List;
import java.util.Locale;
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
 * The training and needs pages with records in them: they render in both languages, the attendance list is saved
 * whole from its form, errors come back beside their row, and each role reaches only its pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrainingPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrainingRegistry trainings;

    @Autowired
    NeedRegistry needs;

    @Autowired
    PartnershipManagement partnership;

    long milano;
    long cremasca;
    long training;
    long need;

    @BeforeEach
    void records() {
        TrainingFixtures.clean(jdbc);
        milano = TrainingFixtures.organisationId(jdbc, "Comune di Milano");
        cremasca = TrainingFixtures.organisationId(jdbc, "Comunità Sociale Cremasca");
        long ismu = TrainingFixtures.partnerOf(jdbc, partnership, "milano", "Fondazione ISMU");
        TestActors.actAs(TestActors.operator("milano"));
        training = trainings.create(training("milano", milano, "2026-03-02", "2026-03-20", "10"));
        trainings.saveAttendance(training, 0, List.of(attendee("Rossi", "Maria", milano, "8"),
                attendee("Bianchi", "Luca", ismu, "5")));
        long rossi = trainings.detail(training).attendees().get(1).id();
        trainings.saveAnswers(training, 1, List.of(new TrainingAnswers(rossi, List.of(2, 2, 2, 2, 2),
                List.of(4, 4, 3, 4, 4))));
        need = needs.record(NeedRegistryTest.need("milano", it.labimpact.cooperation.NeedTheme.LANGUAGE,
                "2026-09-01"));
        TestActors.clear();
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        TrainingFixtures.clean(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void pagesWithRecordsRender(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        for (String page : List.of("/trainings", "/trainings/" + training, "/trainings/" + training + "/edit",
                "/trainings/" + training + "/attendance", "/trainings/" + training + "/attendance?blank=20",
                "/trainings/" + training + "/self-assessment", "/needs", "/needs/" + need, "/needs/board?quarter=2026-Q3",
                "/needs/board?quarter=nonsense")) {
            assertRendered(get(page).locale(locale), TestActors.coordinator(), page);
        }
        String edit = assertRendered(get("/trainings/" + training + "/edit").locale(locale), TestActors.coordinator(),
                "edit");
        assertThat(edit).contains("aria-describedby=\"networkCode-help\"").contains("id=\"networkCode-help\"");
        String detail = assertRendered(get("/trainings/" + training).locale(locale), TestActors.lead("milano"), "detail");
        assertThat(detail).contains("Rossi Maria").contains("70 %");
        // Rossi: 2.0 before, 3.8 after: +1.80 over one respondent
        assertThat(detail).contains("+1.80");
        String attendance = assertRendered(get("/trainings/" + training + "/attendance").locale(locale),
                TestActors.operator("milano"), "attendance");
        assertThat(attendance).contains("value=\"Rossi\"").contains("value=\"8\"")
                .contains("<option value=\"SOCIAL_WORKER\" selected=\"selected\">");
        String answers = assertRendered(get("/trainings/" + training + "/self-assessment").locale(locale),
                TestActors.operator("milano"), "self-assessment");
        assertThat(answers).contains("<option value=\"4\" selected=\"selected\">4</option>");
        String board = assertRendered(get("/needs/board?quarter=2026-Q3").locale(locale), TestActors.coordinator(), "board");
        assertThat(board).contains("data-chart=").contains("▲").contains("board-quarter-table")
                .contains("href=\"/needs?network=milano&amp;theme=LANGUAGE&amp;status=&amp;from=2026-07-01&amp;to=2026-09-30\"");
        // the list behind the count holds that one need
        String behind = assertRendered(get("/needs?network=milano&theme=LANGUAGE&status=&from=2026-07-01&to=2026-09-30")
                .locale(Locale.ENGLISH), TestActors.coordinator(), "list behind a count");
        assertThat(behind).contains("1 results").contains("/needs/" + need);
    }

    @Test
    void theAttendanceFormIsSavedWholeAndErrorsComeBackBesideTheirRow() throws Exception {
        int version = TrainingFixtures.version(jdbc, training);
        // row 2 is a Cremasca organisation, not a member of Rete Milano: nothing is saved, the error is on row 2
        MockHttpServletResponse refused = mvc.perform(post("/trainings/" + training + "/attendance").with(csrf())
                .with(TestActors.as(TestActors.operator("milano"))).locale(Locale.ITALIAN)
                .param("version", String.valueOf(version))
                .param("surname", "Rossi", "Neri", "").param("givenName", "Maria", "Paolo", "")
                .param("organisationId", String.valueOf(milano), String.valueOf(cremasca), "")
                .param("role", "TEACHER", "OTHER", "").param("roleOther", "", "", "")
                .param("hours", "10", "", "")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        String page = refused.getContentAsString();
        assertThat(page).contains("Non è stato salvato nulla").contains("id=\"r1-organisationId-error\"")
                .contains("Riga 2: Comunità Sociale Cremasca non fa parte");
        assertThat(TrainingFixtures.version(jdbc, training)).isEqualTo(version);

        // a row with letters for hours: reported beside it, nothing saved
        String typo = mvc.perform(post("/trainings/" + training + "/attendance").with(csrf())
                .with(TestActors.as(TestActors.operator("milano"))).locale(Locale.ENGLISH)
                .param("version", String.valueOf(version))
                .param("surname", "Rossi").param("givenName", "Maria").param("organisationId", String.valueOf(milano))
                .param("role", "TEACHER").param("roleOther", "").param("hours", "otto"))
                .andReturn().getResponse().getContentAsString();
        assertThat(typo).contains("id=\"r0-hours-error\"").contains("aria-invalid=\"true\"");

        // Bianchi's row ticked "remove", Rossi's hours emptied (= all 10 hours), a blank row ignored
        MockHttpServletResponse saved = mvc.perform(post("/trainings/" + training + "/attendance").with(csrf())
                .with(TestActors.as(TestActors.operator("milano"))).param("version", String.valueOf(version))
                .param("surname", "Bianchi", "Rossi", "").param("givenName", "Luca", "Maria", "")
                .param("organisationId", String.valueOf(TrainingFixtures.organisationId(jdbc, "Fondazione ISMU")),
                        String.valueOf(milano), "")
                .param("role", "SOCIAL_WORKER", "OTHER", "").param("roleOther", "", "Bibliotecaria", "")
                .param("hours", "5", "", "").param("remove", "0")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/trainings/" + training);
        var detail = TestActors.call(TestActors.coordinator(), () -> trainings.detail(training));
        assertThat(detail.attendees()).singleElement().satisfies(a -> {
            assertThat(a.surname()).isEqualTo("Rossi");
            assertThat(a.hoursAttended()).isEqualByComparingTo("10");
            assertThat(a.roleOther()).isEqualTo("Bibliotecaria");
            assertThat(a.pre()).containsExactly(2, 2, 2, 2, 2);
        });
    }

    @Test
    void theSelfAssessmentFormRefusesAHalfAnsweredPhase() throws Exception {
        var attendees = TestActors.call(TestActors.coordinator(), () -> trainings.detail(training).attendees());
        long bianchi = attendees.get(0).id();
        long rossi = attendees.get(1).id();
        int version = TrainingFixtures.version(jdbc, training);
        MockHttpServletRequestBuilder half = post("/trainings/" + training + "/self-assessment").with(csrf())
                .with(TestActors.as(TestActors.lead("milano"))).locale(Locale.ENGLISH)
                .param("version", String.valueOf(version))
                .param("pre-" + bianchi + "-1", "3").param("pre-" + bianchi + "-2", "3");
        String page = mvc.perform(half).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Row 1: give all five answers").contains("id=\"pre-" + bianchi + "-error\"");

        MockHttpServletRequestBuilder whole = post("/trainings/" + training + "/self-assessment").with(csrf())
                .with(TestActors.as(TestActors.lead("milano"))).param("version", String.valueOf(version));
        for (int n = 1; n <= 5; n++) {
            whole.param("pre-" + bianchi + "-" + n, "3").param("post-" + bianchi + "-" + n, "4")
                    .param("pre-" + rossi + "-" + n, "2").param("post-" + rossi + "-" + n, "");
        }
        assertThat(mvc.perform(whole).andReturn().getResponse().getStatus()).isEqualTo(302);
        var after = TestActors.call(TestActors.coordinator(), () -> trainings.detail(training));
        // the form holds the whole list: Bianchi answered both phases, Rossi's "after" was emptied
        assertThat(after.selfAssessment().respondents()).isEqualTo(1);
        assertThat(after.attendees().get(0).post()).containsExactly(4, 4, 4, 4, 4);
        assertThat(after.attendees().get(1).pre()).containsExactly(2, 2, 2, 2, 2);
        assertThat(after.attendees().get(1).post()).isEmpty();
    }

    @Test
    void needFormsShowTheirErrorsAndTheLeadResponds() throws Exception {
        String form = mvc.perform(post("/needs").with(csrf()).with(TestActors.as(TestActors.operator("milano")))
                .locale(Locale.ITALIAN).param("networkCode", "milano").param("theme", "HEALTH")
                .param("raisedOn", "2026-09-01").param("description", "Corto")
                .param("evidenceLink", "ftp://example.org"))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"description-error\"").contains("id=\"evidenceLink-error\"");
        String noRaiser = mvc.perform(post("/needs").with(csrf()).with(TestActors.as(TestActors.operator("milano")))
                .locale(Locale.ITALIAN).param("networkCode", "milano").param("theme", "HEALTH")
                .param("raisedOn", "2026-09-01").param("description", "Mancano mediatori negli ambulatori."))
                .andReturn().getResponse().getContentAsString();
        assertThat(noRaiser).contains("id=\"raisedByKind-error\"");

        String noResponse = mvc.perform(post("/needs/" + need + "/status").with(csrf())
                .with(TestActors.as(TestActors.lead("milano"))).locale(Locale.ENGLISH)
                .param("status", "NOT_PURSUED").param("response", "").param("version", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(noResponse).contains("Write the response for this status.");
        MockHttpServletResponse answered = mvc.perform(post("/needs/" + need + "/status").with(csrf())
                .with(TestActors.as(TestActors.lead("milano"))).param("status", "TAKEN_UP")
                .param("response", "Ne parliamo al tavolo di rete.").param("version", "0")).andReturn().getResponse();
        assertThat(answered.getStatus()).isEqualTo(302);
        String detail = assertRendered(get("/needs/" + need).locale(Locale.ENGLISH), TestActors.operator("milano"),
                "need");
        assertThat(detail).contains("Taken up").contains("Ne parliamo al tavolo di rete.")
                .doesNotContain("id=\"status-form\"");
    }

    @Test
    void eachRoleReachesOnlyItsPages() throws Exception {
        assertThat(status(get("/trainings"), TestActors.evaluator())).isEqualTo(403);
        assertThat(status(get("/trainings/" + training), TestActors.lead("cremasca"))).isEqualTo(404);
        assertThat(status(get("/trainings/" + training + "/attendance"), TestActors.lead("cremasca"))).isEqualTo(404);
        assertThat(status(get("/trainings/" + training + "/attendance"), TrainingRegistryTest.GOVERNANCE)).isEqualTo(403);
        assertThat(status(get("/trainings/999999"), TestActors.coordinator())).isEqualTo(404);
        assertThat(status(get("/needs/board"), TestActors.operator("milano"))).isEqualTo(403);
        assertThat(status(get("/needs/board"), TestActors.lead("milano"))).isEqualTo(403);
        assertThat(status(get("/needs/board"), TrainingRegistryTest.GOVERNANCE)).isEqualTo(200);
        assertThat(status(get("/needs/" + need), TestActors.operator("cremasca"))).isEqualTo(404);
        assertThat(status(get("/needs/" + need), TestActors.evaluator())).isEqualTo(200);
        assertThat(status(post("/needs/" + need + "/status").with(csrf()).param("status", "TAKEN_UP")
                .param("version", "0"), TestActors.operator("milano"))).isEqualTo(403);
    }

    private int status(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse().getStatus();
    }

    private String assertRendered(MockHttpServletRequestBuilder request, Actor actor, String what) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        String body = r.getContentAsString();
        assertThat(r.getStatus()).as(what + " status").isEqualTo(200);
        assertThat(body).as(what + " complete").contains("</html>");
        assertThat(body).as(what + " has unresolved message keys").doesNotContain("??");
        return body;
    }
}
