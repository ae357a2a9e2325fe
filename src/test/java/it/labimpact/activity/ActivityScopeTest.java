package it.labimpact.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A user of network A can neither read nor change network B's activities and sessions, through pages or API,
 * whatever id they guess (404, never data); roles that only read are refused every change (403); activity
 * types are administered by coordination only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActivityScopeTest {

    private static final Actor MILANO_OPERATOR = TestActors.operator("milano");
    private static final Actor MILANO_ORGANISATION_OPERATOR = new Actor(7, "test.operator.org", "Org Operator",
            Role.OPERATOR, ScopeType.ORGANISATION, "milano", 1L);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityManagement management;

    long cremasca;
    long cremascaSession;

    @BeforeEach
    void cremascaHasAnActivityWithASession() {
        ActivityFixtures.clean(jdbc);
        TestActors.actAs(TestActors.operator("cremasca"));
        cremasca = management.create(ActivityFixtures.course("cremasca",
                ActivityFixtures.organisationId(jdbc, "Comunità Sociale Cremasca"), List.of(), ActivityFixtures.CREMA));
        cremascaSession = management.addSession(cremasca, ActivityManagementTest.session("2026-11-10", "10:00",
                "12:00", null));
        TestActors.clear();
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        ActivityFixtures.clean(jdbc);
    }

    @Test
    void anotherNetworksActivityPagesAreNotFound() throws Exception {
        for (Actor actor : List.of(MILANO_OPERATOR, MILANO_ORGANISATION_OPERATOR, TestActors.lead("milano"))) {
            for (String page : List.of("/activities/" + cremasca, "/activities/" + cremasca + "/edit",
                    "/activities/" + cremasca + "?editSession=" + cremascaSession)) {
                assertThat(status(get(page), actor)).as(actor.username() + " " + page).isEqualTo(404);
            }
            String list = mvc.perform(get("/activities?network=cremasca").with(TestActors.as(actor))).andReturn()
                    .getResponse().getContentAsString();
            assertThat(list).doesNotContain("/activities/" + cremasca + "\"");
            String calendar = mvc.perform(get("/activities/calendar?month=2026-11&network=cremasca")
                    .with(TestActors.as(actor))).andReturn().getResponse().getContentAsString();
            assertThat(calendar).doesNotContain("/activities/" + cremasca + "\"");
        }
        String coordinator = mvc.perform(get("/activities/calendar?month=2026-11")
                .with(TestActors.as(TestActors.coordinator()))).andReturn().getResponse().getContentAsString();
        assertThat(coordinator).contains("/activities/" + cremasca + "\"");
    }

    @Test
    void anotherNetworksActivityCannotBeChangedByGuessingItsIds() throws Exception {
        var before = snapshot();

        assertThat(status(post("/activities/" + cremasca).param("title", "Preso da Milano")
                .param("typeCode", "ITALIAN_L2").param("networkCode", "milano").param("leadOrganisationId", "1")
                .param("comuneIstat", "015146").param("startDate", "2026-11-02").param("endDate", "2026-12-18")
                .param("plannedHours", "10").param("status", "PLANNED").param("version", "0"), MILANO_OPERATOR))
                .isEqualTo(404);
        assertThat(status(post("/activities/" + cremasca + "/sessions").param("date", "2026-11-11")
                .param("hours", "2"), MILANO_OPERATOR)).isEqualTo(404);
        assertThat(status(post("/activities/" + cremasca + "/sessions/" + cremascaSession).param("date", "2026-11-11")
                .param("hours", "2").param("version", "0"), MILANO_OPERATOR)).isEqualTo(404);
        assertThat(status(post("/activities/" + cremasca + "/sessions/" + cremascaSession + "/delete")
                .param("version", "0"), MILANO_OPERATOR)).isEqualTo(404);
        assertThat(status(put("/api/v1/activities/" + cremasca + "/sessions/" + cremascaSession)
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2026-11-11\",\"hours\":2,\"version\":0}"),
                MILANO_OPERATOR)).isEqualTo(404);
        assertThat(status(delete("/api/v1/activities/" + cremasca + "/sessions/" + cremascaSession)
                .param("version", "0"), MILANO_OPERATOR)).isEqualTo(404);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anOperatorCannotCreateAnActivityInAnotherNetwork() throws Exception {
        var before = snapshot();

        String page = mvc.perform(post("/activities").with(csrf()).with(TestActors.as(MILANO_OPERATOR))
                .param("title", "Corso a Crema").param("typeCode", "ITALIAN_L2").param("networkCode", "cremasca")
                .param("leadOrganisationId", String.valueOf(ActivityFixtures.organisationId(jdbc,
                        "Comunità Sociale Cremasca")))
                .param("comuneIstat", "019035").param("startDate", "2026-11-02").param("endDate", "2026-12-18")
                .param("plannedHours", "10").param("status", "PLANNED")).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"networkCode-error\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"networkCode-error\"");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rolesThatOnlyReadAreRefusedEveryChange() throws Exception {
        Actor governance = new Actor(6, "test.governance", "Test Governance", Role.GOVERNANCE, ScopeType.PROJECT,
                null, null);
        var before = snapshot();
        for (Actor reader : List.of(governance, TestActors.evaluator())) {
            assertThat(status(get("/activities/" + cremasca), reader)).isEqualTo(200);
            assertThat(status(post("/activities").param("title", "x"), reader)).isEqualTo(403);
            assertThat(status(post("/activities/" + cremasca + "/sessions").param("date", "2026-11-11")
                    .param("hours", "2"), reader)).isEqualTo(403);
            assertThat(status(get("/activities/new"), reader)).isEqualTo(403);
            assertThat(status(get("/activities/" + cremasca + "/edit"), reader)).isEqualTo(403);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyCoordinationAdministersActivityTypes() throws Exception {
        for (Actor actor : List.of(MILANO_OPERATOR, TestActors.lead("milano"), TestActors.evaluator())) {
            assertThat(status(get("/admin/activity-types"), actor)).isEqualTo(403);
            assertThat(status(post("/admin/activity-types").param("code", "TEST_X").param("action", "02")
                    .param("labelIt", "Prova").param("labelEn", "Test").param("completionThreshold", "0.7"), actor))
                    .isEqualTo(403);
        }
        assertThat(status(get("/admin/activity-types"), TestActors.coordinator())).isEqualTo(200);
        assertThat(status(post("/admin/activity-types").param("code", "TEST_X").param("action", "02")
                .param("labelIt", "Prova").param("labelEn", "Test").param("completionThreshold", "0.7")
                .param("active", "true"), TestActors.admin())).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from activity_type where code = 'TEST_X'").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void aLeadChangesTheirOwnNetworksActivityThroughThePages() throws Exception {
        int status = status(post("/activities/" + cremasca + "/sessions").param("date", "2026-11-17")
                .param("startTime", "10:00").param("endTime", "11:30"), TestActors.lead("cremasca"));

        assertThat(status).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from activity_session where activity_id = :id").param("id", cremasca)
                .query(Long.class).single()).isEqualTo(2L);
    }

    private int status(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(csrf()).with(TestActors.as(actor))).andReturn().getResponse().getStatus();
    }

    private List<List<Map<String, Object>>> snapshot() {
        return List.of(
                jdbc.sql("""
                        select id, network_code, type_code, title, comune_istat, venue, start_date, end_date,
                               planned_hours, languages::text as languages, capacity, status, version
                        from activity_activity order by id""").query().listOfRows(),
                jdbc.sql("select * from activity_organisation order by activity_id, organisation_id").query()
                        .listOfRows(),
                jdbc.sql("select * from activity_session order by id").query().listOfRows());
    }
}
