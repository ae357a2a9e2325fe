package it.labimpact.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.partnership.PartnershipManagement;
import it.labimpact.shared.Actor;
import java.util.LinkedHashMap;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The activity API: list envelope, creation, changes with versions, sessions, errors as problem+json. */
@SpringBootTest
@AutoConfigureMockMvc
class ActivityApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PartnershipManagement partnership;

    long comuneDiMilano;
    long ismu;
    long cremascaLead;

    @BeforeEach
    void seededPartnership() {
        ActivityFixtures.clean(jdbc);
        comuneDiMilano = ActivityFixtures.organisationId(jdbc, "Comune di Milano");
        cremascaLead = ActivityFixtures.organisationId(jdbc, "Comunità Sociale Cremasca");
        ismu = ActivityFixtures.partnerOf(jdbc, partnership, "milano", "Fondazione ISMU");
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        ActivityFixtures.clean(jdbc);
    }

    @Test
    void anOperatorCreatesAnActivityAndFindsItInTheList() throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/activities"), TestActors.operator("milano"),
                activity("milano", comuneDiMilano, List.of(ismu), "2026-11-02", "2026-12-18", 60));

        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(created.getContentAsString());
        long id = body.get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/activities/" + id);
        assertThat(body.get("version").asInt()).isZero();
        assertThat(body.get("type").get("countsFor").asString()).isEqualTo("LANGUAGE_COURSE");
        assertThat(body.get("organisations")).extracting(o -> o.get("name").asString() + " " + o.get("lead").asBoolean())
                .containsExactly("Comune di Milano true", "Fondazione ISMU false");

        JsonNode list = read(get("/api/v1/activities?type=ITALIAN_L2&size=10"), TestActors.lead("milano"));
        assertThat(list.get("page").asInt()).isZero();
        assertThat(list.get("size").asInt()).isEqualTo(10);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items")).singleElement().satisfies(a -> {
            assertThat(a.get("id").asLong()).isEqualTo(id);
            assertThat(a.get("networkCode").asString()).isEqualTo("milano");
            assertThat(a.get("comuneName").asString()).isEqualTo("Milano");
        });
        assertThat(read(get("/api/v1/activities"), TestActors.operator("cremasca")).get("total").asLong()).isZero();
    }

    @Test
    void aChangeCarriesTheVersionReadAndAStaleOneIs409() throws Exception {
        long id = create(TestActors.operator("milano"));
        Map<String, Object> change = activity("milano", comuneDiMilano, List.of(), "2026-11-02", "2026-12-18", 40);
        change.put("version", 0);
        change.put("title", "Corso del primo");

        JsonNode first = json.readTree(send(put("/api/v1/activities/" + id), TestActors.operator("milano"), change)
                .getContentAsString());
        change.put("title", "Corso del secondo");
        MockHttpServletResponse second = send(put("/api/v1/activities/" + id), TestActors.operator("milano"), change);

        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("title").asString()).isEqualTo("Corso del primo");
        assertProblem(second, 409);
        assertThat(read(get("/api/v1/activities/" + id), TestActors.coordinator()).get("title").asString())
                .isEqualTo("Corso del primo");
    }

    @Test
    void invalidBodiesAre400WithTheFieldsAndBrokenRulesAre422() throws Exception {
        Map<String, Object> blank = activity("milano", comuneDiMilano, List.of(), "2026-11-02", "2026-12-18", 0);
        blank.put("title", "");
        MockHttpServletResponse invalid = send(post("/api/v1/activities"), TestActors.operator("milano"), blank);
        JsonNode problem = assertProblem(invalid, 400);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .contains("title", "plannedHours");

        MockHttpServletResponse dates = send(post("/api/v1/activities"), TestActors.operator("milano"),
                activity("milano", comuneDiMilano, List.of(), "2026-11-02", "2026-10-02", 10));
        assertThat(assertProblem(dates, 422).get("errors")).singleElement()
                .satisfies(e -> assertThat(e.get("field").asString()).isEqualTo("endDate"));

        MockHttpServletResponse outsider = send(post("/api/v1/activities"), TestActors.coordinator(),
                activity("milano", comuneDiMilano, List.of(cremascaLead), "2026-11-02", "2026-12-02", 10));
        assertThat(assertProblem(outsider, 422).get("detail").asString())
                .contains("Comunità Sociale Cremasca").contains("Rete Milano");

        MockHttpServletResponse malformed = mvc.perform(post("/api/v1/activities").with(csrf())
                .with(TestActors.as(TestActors.operator("milano"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\": \"2026-13-45\"}")).andReturn().getResponse();
        assertProblem(malformed, 400);
        assertThat(jdbc.sql("select count(*) from activity_activity where not demo").query(Long.class).single())
                .isZero();
    }

    @Test
    void anotherNetworksActivityIs404AndItsSessionsToo() throws Exception {
        long cremasca = create(TestActors.operator("cremasca"), activity("cremasca", cremascaLead, List.of(),
                "2026-11-02", "2026-12-18", 20));
        Actor milano = TestActors.operator("milano");

        assertProblem(mvc.perform(get("/api/v1/activities/" + cremasca).with(TestActors.as(milano))).andReturn()
                .getResponse(), 404);
        assertProblem(mvc.perform(get("/api/v1/activities/" + cremasca + "/sessions").with(TestActors.as(milano)))
                .andReturn().getResponse(), 404);
        assertProblem(send(post("/api/v1/activities/" + cremasca + "/sessions"), milano,
                Map.of("date", "2026-11-10", "startTime", "10:00", "endTime", "12:00")), 404);
        assertProblem(mvc.perform(get("/api/v1/activities/999999").with(TestActors.as(TestActors.coordinator())))
                .andReturn().getResponse(), 404);
        assertProblem(send(post("/api/v1/activities"), milano,
                activity("cremasca", cremascaLead, List.of(), "2026-11-02", "2026-12-18", 20)), 422);
    }

    @Test
    void sessionsAreAddedChangedAndDeletedWithTheirVersions() throws Exception {
        long id = create(TestActors.operator("milano"));
        Actor op = TestActors.operator("milano");

        MockHttpServletResponse added = send(post("/api/v1/activities/" + id + "/sessions"), op,
                Map.of("date", "2026-11-04", "startTime", "18:00", "endTime", "20:30", "venue", "Aula 2"));
        assertThat(added.getStatus()).isEqualTo(201);
        JsonNode session = json.readTree(added.getContentAsString());
        long sid = session.get("id").asLong();
        assertThat(session.get("hours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(session.get("startTime").asString()).startsWith("18:00");

        assertProblem(send(post("/api/v1/activities/" + id + "/sessions"), op,
                Map.of("date", "2027-01-04", "hours", 2)), 422);
        assertProblem(send(post("/api/v1/activities/" + id + "/sessions"), op,
                Map.of("date", "2026-11-05", "hours", 30)), 400);

        Map<String, Object> change = new LinkedHashMap<>(Map.of("date", "2026-11-06", "hours", 2, "version", 0));
        JsonNode changed = json.readTree(send(put("/api/v1/activities/" + id + "/sessions/" + sid), op, change)
                .getContentAsString());
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        assertProblem(send(put("/api/v1/activities/" + id + "/sessions/" + sid), op, change), 409);
        assertProblem(mvc.perform(delete("/api/v1/activities/" + id + "/sessions/" + sid).param("version", "0")
                .with(csrf()).with(TestActors.as(op))).andReturn().getResponse(), 409);
        assertProblem(mvc.perform(delete("/api/v1/activities/" + id + "/sessions/" + sid).with(csrf())
                .with(TestActors.as(op))).andReturn().getResponse(), 400);

        JsonNode sessions = read(get("/api/v1/activities/" + id + "/sessions"), TestActors.evaluator());
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.get("date").asString())
                .isEqualTo("2026-11-06"));
        assertThat(mvc.perform(delete("/api/v1/activities/" + id + "/sessions/" + sid).param("version", "1")
                .with(csrf()).with(TestActors.as(op))).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(read(get("/api/v1/activities/" + id + "/sessions"), op)).isEmpty();
    }

    @Test
    void readersCannotWriteThroughTheApi() throws Exception {
        long id = create(TestActors.operator("milano"));
        MockHttpServletResponse response = send(post("/api/v1/activities/" + id + "/sessions"),
                TestActors.evaluator(), Map.of("date", "2026-11-04", "hours", 2));

        assertProblem(response, 403);
    }

    @Test
    void listsTheActivityTypes() throws Exception {
        JsonNode types = read(get("/api/v1/activity-types"), TestActors.operator("ghedi"));

        assertThat(types).hasSizeGreaterThanOrEqualTo(13);
        assertThat(types).filteredOn(t -> t.get("code").asString().equals("FAMILY_REUNIFICATION")).singleElement()
                .satisfies(t -> {
                    assertThat(t.get("action").asString()).isEqualTo("03");
                    assertThat(t.get("labelEn").asString()).isEqualTo("Family-reunification assistance");
                    assertThat(t.get("completionThreshold").decimalValue()).isEqualByComparingTo("0.70");
                });
    }

    @Test
    void theApiDescriptionDocumentsTheActivityEndpoints() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode paths = json.readTree(r.getContentAsString()).get("paths");
        assertThat(paths.has("/api/v1/activities")).isTrue();
        assertThat(paths.get("/api/v1/activities/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/activities/{id}/sessions/{sessionId}").has("delete")).isTrue();
        assertThat(paths.has("/api/v1/activity-types")).isTrue();
    }

    // --- helpers ---

    private Map<String, Object> activity(String network, long lead, List<Long> others, String start, String end,
            int hours) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", "Corso di italiano L2 – A2 serale");
        a.put("typeCode", "ITALIAN_L2");
        a.put("networkCode", network);
        a.put("leadOrganisationId", lead);
        a.put("organisationIds", others);
        a.put("comuneIstat", network.equals("milano") ? ActivityFixtures.MILANO : ActivityFixtures.CREMA);
        a.put("startDate", start);
        a.put("endDate", end);
        a.put("plannedHours", hours);
        a.put("languages", List.of("it", "ar"));
        a.put("status", "PLANNED");
        return a;
    }

    private long create(Actor actor) throws Exception {
        return create(actor, activity("milano", comuneDiMilano, List.of(), "2026-11-02", "2026-12-18", 60));
    }

    private long create(Actor actor, Map<String, Object> body) throws Exception {
        MockHttpServletResponse r = send(post("/api/v1/activities"), actor, body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return json.readTree(r.getContentAsString()).get("id").asLong();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Actor actor, Object body)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(TestActors.as(actor)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    private JsonNode read(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return json.readTree(r.getContentAsString());
    }

    private JsonNode assertProblem(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}
