package it.labimpact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
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
 * Every page renders completely, in Italian and English, with no message key left unresolved — including
 * the pages that show form errors. A template error must fail here, not on a user's screen.
 */
@SpringBootTest(properties = "labimpact.demo.enabled=true")
@AutoConfigureMockMvc
class PagesRenderTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void everyPageRendersForAnAdministrator(String lang) throws Exception {
        long org = jdbc.sql("select id from partnership_organisation where name = 'Comune di Milano'")
                .query(Long.class).single();
        long user = jdbc.sql("select id from identity_user where username = 'demo.operatore.milano'")
                .query(Long.class).single();
        long agreement = jdbc.sql("select min(id) from cooperation_agreement").query(Long.class).single();
        long steering = jdbc.sql("select id from cooperation_governance_body where kind = 'STEERING_GROUP'")
                .query(Long.class).single();
        long meeting = jdbc.sql("select min(id) from cooperation_meeting where demo and status = 'HELD'")
                .query(Long.class).single();
        long training = jdbc.sql("select min(id) from cooperation_training where title like '[DEMO]%'")
                .query(Long.class).single();
        String directoryEntry = jdbc.sql("select min(id::text) from directory_entry").query(String.class).single();
        List<String> pages = List.of("/", "/about", "/networks", "/networks/milano", "/networks/ghedi",
                "/networks/cremasca", "/organisations", "/organisations?q=comune&kind=LOCAL_AUTHORITY&province=MI",
                "/organisations?page=1", "/organisations/" + org, "/organisations/new", "/organisations/" + org + "/edit",
                "/admin/territory", "/admin/audit", "/admin/audit?actor=demo.admin&from=2026-01-01",
                "/admin/users", "/admin/users/new", "/admin/users/" + user, "/account/tokens",
                "/indicators", "/indicators/definitions/AMIF-O3", "/indicators/definitions/P2-L2-RATE?period=PTD",
                "/indicators/definitions/AMIF-R8?period=2025-Q9",
                "/indicators/targets", "/indicators/targets?period=2026-Q3",
                "/indicators/targets/edit?period=2026&indicator=AMIF-O3&network=milano",
                "/indicators/targets/edit?period=PTD&indicator=AMIF-O3", "/indicators/approvals",
                "/indicators/approvals/milano/2025-Q4",
                "/reports", "/reports/periodic?period=2025", "/reports/periodic?period=PTD&network=milano",
                "/open-data",
                "/dashboard", "/dashboard?period=2026&network=milano&indicator=P0-ACTIVITIES&metric=activities",
                "/dashboard?mode=network&metric=coverage&published=true", "/dashboard/networks/milano",
                "/indicators/P0-ACTIVITIES/records?period=PTD", "/indicators/P1-COMUNI/records?period=PTD&network=milano",
                "/agreements", "/agreements?network=PROJECT&kind=PROTOCOL&inForceOn=2026-01-01", "/agreements/new",
                "/agreements/" + agreement, "/agreements/" + agreement + "/edit",
                "/referrals", "/referrals?box=SENT&status=SENT&service=ITALIAN_COURSE&network=milano", "/referrals/new",
                "/referrals/new?q=Rossi&network=milano",
                "/governance/bodies", "/governance/bodies?network=milano", "/governance/bodies/" + steering,
                "/governance/bodies/new", "/governance/bodies/" + steering + "/edit", "/governance/meetings",
                "/governance/meetings?status=HELD&from=2024-01-01&network=milano", "/governance/meetings/" + meeting,
                "/governance/meetings/new?body=" + steering, "/governance/meetings/" + meeting + "/edit",
                "/governance/calendar", "/governance/calendar?month=2027-02&network=milano", "/governance/decisions",
                "/trainings", "/trainings/new", "/trainings?network=project&theme=MEDIATION", "/needs", "/needs/new",
                "/needs/board", "/needs/board?quarter=2026-Q1&network=milano&status=NEW", "/cooperation",
                "/trainings/" + training, "/trainings/" + training + "/attendance",
                "/cooperation/graph", "/cooperation/graph?period=2025-Q2&network=milano", "/cooperation/scorecard",
                "/cooperation/scorecard?period=2025", "/indicators/P1-COOP-TIES/records?period=PTD",
                "/indicators/P1-MEETINGS/records?period=PTD&network=milano", "/imports",
                "/directory", "/directory?stale=true&kind=EVENT&status=PUBLISHED", "/directory/new",
                "/directory/new?kind=EVENT", "/directory/" + directoryEntry, "/directory/" + directoryEntry + "/edit",
                "/directory/" + directoryEntry + "/translations/ur");
        for (String page : pages) {
            assertRendered(get(page).locale(Locale.forLanguageTag(lang)), TestActors.admin(), page);
        }
    }

    @Test
    void theLoginPageAndTheLandingPageRenderForVisitors() throws Exception {
        for (String page : List.of("/", "/login", "/login?error", "/login?throttled", "/about", "/open-data",
                "/servizi", "/servizi?q=corso&comune=Milano", "/servizi?comune=Atlantide", "/eventi", "/eventi?lingua=ar")) {
            MockHttpServletResponse r = mvc.perform(get(page)).andReturn().getResponse();
            assertThat(r.getStatus()).as(page).isEqualTo(200);
            assertThat(r.getContentAsString()).as(page).contains("</html>").doesNotContain("??");
        }
    }

    @Test
    void formsWithMistakesRenderTheirErrors() throws Exception {
        String orgPage = assertRendered(post("/organisations").with(csrf()).locale(Locale.ITALIAN).param("name", "")
                .param("kind", "THIRD_SECTOR").param("taxCode", "12").param("website", "ftp://x"),
                TestActors.coordinator(), "organisation form");
        assertThat(orgPage).contains("aria-invalid=\"true\"").contains("taxCode-error").contains("website-error");

        String userPage = assertRendered(post("/admin/users").with(csrf()).locale(Locale.ITALIAN).param("username", "new.user")
                .param("displayName", "New User").param("role", "OPERATOR").param("scope", "PROJECT")
                .param("password", "a-long-enough-password"), TestActors.admin(), "user form");
        assertThat(userPage).contains("Ambito non compatibile con il ruolo");

        String shortPassword = assertRendered(post("/admin/users").with(csrf()).locale(Locale.ITALIAN).param("username", "new.user")
                .param("displayName", "New User").param("role", "OPERATOR").param("scope", "NETWORK")
                .param("networkCode", "milano").param("password", "short"), TestActors.admin(), "password");
        assertThat(shortPassword).contains("password-error").contains("almeno 12 caratteri");

        String tokenPage = assertRendered(post("/account/tokens").with(csrf()).locale(Locale.ITALIAN).param("name", "")
                .param("days", "90"), TestActors.operator("milano"), "token form");
        assertThat(tokenPage).contains("Dai un nome al token");

        String notePage = assertRendered(post("/reports/periodic/notes").with(csrf()).locale(Locale.ITALIAN)
                .param("period", "2025").param("network", "milano").param("text", "x".repeat(4001)),
                TestActors.lead("milano"), "report note");
        assertThat(notePage).contains("note-error").contains("La nota supera i 4000 caratteri");

        String memberPage = assertRendered(post("/networks/milano/members").with(csrf()).locale(Locale.ITALIAN).param("role", "PARTNER"),
                TestActors.coordinator(), "member form");
        assertThat(memberPage).contains("Scegli un&#39;organizzazione");

        String steering = jdbc.sql("select id from cooperation_governance_body where kind = 'STEERING_GROUP'")
                .query(String.class).single();
        String meetingPage = assertRendered(post("/governance/meetings").with(csrf()).locale(Locale.ITALIAN)
                .param("bodyId", steering).param("date", "x").param("mode", "ONLINE").param("status", "PLANNED"),
                TestActors.coordinator(), "meeting form");
        assertThat(meetingPage).contains("date-error").contains("aria-invalid=\"true\"");
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
