package it.labimpact.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
 * Every activity page renders completely in Italian and English with no unresolved message key, on the demo
 * data — including forms sent back with their errors beside the fields and the values typed kept.
 */
@SpringBootTest(properties = "labimpact.demo.enabled=true")
@AutoConfigureMockMvc
class ActivityPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void everyActivityPageRendersForAnAdministrator(String lang) throws Exception {
        long course = demoActivity("[DEMO] Corso di italiano L2 – livello A2");
        long session = jdbc.sql("select min(id) from activity_session where activity_id = :id").param("id", course)
                .query(Long.class).single();
        String month = jdbc.sql("select to_char(min(session_date), 'YYYY-MM') from activity_session")
                .query(String.class).single();
        List<String> pages = List.of("/activities", "/activities?network=milano&type=ITALIAN_L2&action=02"
                + "&status=ONGOING&comune=Mil&q=italiano&from=2020-01-01&to=2040-12-31", "/activities?page=1",
                "/activities/" + course, "/activities/" + course + "?editSession=" + session,
                "/activities/" + course + "/edit", "/activities/new", "/activities/calendar",
                "/activities/calendar?month=" + month, "/activities/calendar?month=2026-11&network=ghedi",
                "/activities/calendar?month=nonsense", "/admin/activity-types", "/admin/activity-types/new",
                "/admin/activity-types/CIVIC_ORIENTATION");
        for (String page : pages) {
            assertRendered(get(page).locale(Locale.forLanguageTag(lang)), TestActors.admin(), page);
        }
    }

    @Test
    void theDemoActivitiesAreListedWithTheirSessionsInTheCalendar() throws Exception {
        String list = assertRendered(get("/activities?size=50").locale(Locale.ITALIAN), TestActors.coordinator(),
                "list");
        assertThat(list).contains("href=\"/admin/activity-types\"")
                .contains("[DEMO] Corso di italiano L2").contains("[DEMO] Orientamento civico")
                .contains("[DEMO] Festa delle comunità");
        String month = jdbc.sql("select to_char(min(session_date), 'YYYY-MM') from activity_session")
                .query(String.class).single();

        String calendar = assertRendered(get("/activities/calendar?month=" + month).locale(Locale.ITALIAN),
                TestActors.coordinator(), "calendar");

        assertThat(calendar).contains("calendar-grid").contains("calendar-list")
                .contains("[DEMO] Corso di italiano L2 – livello A2");
    }

    @Test
    void anOperatorSeesOnlyTheirNetworksActivitiesAndCanCreateThere() throws Exception {
        String list = assertRendered(get("/activities").locale(Locale.ITALIAN), TestActors.operator("cremasca"),
                "operator list");
        assertThat(list).contains("[DEMO] Orientamento civico").doesNotContain("[DEMO] Corso di italiano L2")
                .contains("href=\"/activities/new\"").doesNotContain("href=\"/admin/activity-types\"");
        String form = assertRendered(get("/activities/new").locale(Locale.ITALIAN), TestActors.operator("cremasca"),
                "operator form");
        assertThat(form).contains("Comunità Sociale Cremasca").doesNotContain("Comune di Milano");

        String evaluator = assertRendered(get("/activities").locale(Locale.ITALIAN), TestActors.evaluator(),
                "evaluator list");
        assertThat(evaluator).contains("[DEMO] Corso di italiano L2").doesNotContain("href=\"/activities/new\"");
    }

    @Test
    void theActivityFormComesBackWithFieldErrorsAndTheValuesTyped() throws Exception {
        long lead = organisationId("Comune di Milano");
        String blank = assertRendered(post("/activities").with(csrf()).locale(Locale.ITALIAN).param("title", "")
                .param("typeCode", "ITALIAN_L2").param("networkCode", "milano")
                .param("leadOrganisationId", String.valueOf(lead)).param("comuneIstat", "015146")
                .param("startDate", "2026-11-02").param("endDate", "2026-12-20").param("plannedHours", "dieci")
                .param("languages", "it, ar").param("status", "PLANNED"), TestActors.operator("milano"), "blank");
        assertThat(blank).contains("id=\"plannedHours-error\"").contains("id=\"title-error\"")
                .contains("aria-invalid=\"true\"").contains("value=\"dieci\"").contains("value=\"it, ar\"")
                .contains("aria-describedby=\"plannedHours-error plannedHours-help\"");

        String title = assertRendered(post("/activities").with(csrf()).locale(Locale.ITALIAN).param("title", " ")
                .param("typeCode", "ITALIAN_L2").param("networkCode", "milano").param("comuneIstat", "15146")
                .param("startDate", "2026-11-02").param("endDate", "2026-12-20").param("plannedHours", "0")
                .param("status", "PLANNED"), TestActors.operator("milano"), "title");
        assertThat(title).contains("id=\"title-error\"").contains("id=\"plannedHours-error\"")
                .contains("id=\"comuneIstat-error\"").contains("id=\"leadOrganisationId-error\"")
                .contains("Le ore previste devono essere più di zero").contains("value=\"15146\"");

        String dates = assertRendered(post("/activities").with(csrf()).locale(Locale.ITALIAN)
                .param("title", "Corso serale").param("typeCode", "ITALIAN_L2").param("networkCode", "milano")
                .param("leadOrganisationId", String.valueOf(lead)).param("comuneIstat", "015146")
                .param("startDate", "2026-11-02").param("endDate", "2026-10-20").param("plannedHours", "40")
                .param("languages", "it").param("status", "PLANNED"), TestActors.operator("milano"), "dates");
        assertThat(dates).contains("id=\"endDate-error\"")
                .contains("La data di fine non può precedere la data di inizio").contains("value=\"Corso serale\"");

        String member = assertRendered(post("/activities").with(csrf()).locale(Locale.ENGLISH)
                .param("title", "Evening course").param("typeCode", "ITALIAN_L2").param("networkCode", "milano")
                .param("leadOrganisationId", String.valueOf(organisationId("Comunità Sociale Cremasca")))
                .param("comuneIstat", "015146").param("startDate", "2026-11-02").param("endDate", "2026-12-20")
                .param("plannedHours", "40").param("status", "PLANNED"), TestActors.coordinator(), "member");
        assertThat(member).contains("id=\"leadOrganisationId-error\"")
                .contains("Comunità Sociale Cremasca is not a member of Rete Milano");
    }

    @Test
    void theSessionAndTypeFormsComeBackWithTheirErrors() throws Exception {
        long course = demoActivity("[DEMO] Corso di italiano L2 – livello A2");
        LocalDate end = jdbc.sql("select end_date from activity_activity where id = :id").param("id", course)
                .query(LocalDate.class).single();

        String outside = assertRendered(post("/activities/" + course + "/sessions").with(csrf())
                .locale(Locale.ITALIAN).param("date", end.plusDays(1).toString()).param("startTime", "18:00")
                .param("endTime", "20:00").param("venue", "Aula 3"), TestActors.operator("milano"), "session");
        assertThat(outside).contains("id=\"session-date-error\"").contains("value=\"Aula 3\"")
                .contains("L&#39;incontro deve cadere tra");

        String times = assertRendered(post("/activities/" + course + "/sessions").with(csrf())
                .locale(Locale.ENGLISH).param("date", end.toString()).param("startTime", "20:00")
                .param("endTime", "18:00"), TestActors.operator("milano"), "session times");
        assertThat(times).contains("id=\"session-endTime-error\"").contains("The end time must come after");

        String type = assertRendered(post("/admin/activity-types").with(csrf()).locale(Locale.ITALIAN)
                .param("code", "nuovo tipo").param("action", "02").param("labelIt", "")
                .param("labelEn", "New").param("completionThreshold", "1.5"), TestActors.coordinator(), "type");
        assertThat(type).contains("id=\"code-error\"").contains("id=\"labelIt-error\"")
                .contains("id=\"completionThreshold-error\"").contains("value=\"nuovo tipo\"");
    }

    private long demoActivity(String title) {
        return jdbc.sql("select id from activity_activity where title = :t").param("t", title).query(Long.class)
                .single();
    }

    private long organisationId(String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
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
