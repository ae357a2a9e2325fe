package it.labimpact.cooperation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.util.LinkedHashMap;
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

/** The needs API: record, list, one with its history, the network's response, errors as problem+json, scope. */
@SpringBootTest
@AutoConfigureMockMvc
class NeedApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        TrainingFixtures.clean(jdbc);
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        TrainingFixtures.clean(jdbc);
    }

    @Test
    void anOperatorRecordsANeedAndTheLeadResponds() throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/needs"), TestActors.operator("milano"), need("milano"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode need = json.readTree(created.getContentAsString());
        long id = need.get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/needs/" + id);
        assertThat(need.get("status").asString()).isEqualTo("NEW");
        assertThat(need.get("comuneName").asString()).isEqualTo("Milano");

        JsonNode changed = json.readTree(send(put("/api/v1/needs/" + id + "/status"), TestActors.lead("milano"),
                Map.of("status", "TAKEN_UP", "response", "Al prossimo tavolo di rete.", "version", 0))
                .getContentAsString());
        assertThat(changed.get("status").asString()).isEqualTo("TAKEN_UP");
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        assertThat(changed.get("history")).extracting(h -> h.get("status").asString())
                .containsExactly("NEW", "TAKEN_UP");

        JsonNode list = read(get("/api/v1/needs?theme=LANGUAGE&status=TAKEN_UP"), TestActors.operator("milano"));
        // other tests may leave needs: this one is listed under its new status, and no longer as new
        assertThat(list.get("items")).extracting(n -> n.get("id").asLong()).contains(id);
        assertThat(read(get("/api/v1/needs?status=NEW&size=100"), TestActors.operator("milano")).get("items"))
                .extracting(n -> n.get("id").asLong()).doesNotContain(id);
    }

    @Test
    void errorsAreProblemDetailsAndOtherNetworksGetNotFound() throws Exception {
        Map<String, Object> bad = need("milano");
        bad.put("evidenceLink", "javascript:alert(1)");
        bad.put("description", "");
        JsonNode problem = assertProblem(send(post("/api/v1/needs"), TestActors.operator("milano"), bad), 400);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .contains("evidenceLink", "description");
        assertProblem(send(post("/api/v1/needs"), TestActors.operator("milano"), need("cremasca")), 422);

        MockHttpServletResponse created = send(post("/api/v1/needs"), TestActors.operator("milano"), need("milano"));
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        assertProblem(mvc.perform(get("/api/v1/needs/" + id).with(TestActors.as(TestActors.operator("cremasca"))))
                .andReturn().getResponse(), 404);
        assertProblem(send(put("/api/v1/needs/" + id + "/status"), TestActors.lead("cremasca"),
                Map.of("status", "TAKEN_UP", "version", 0)), 404);
        assertProblem(send(put("/api/v1/needs/" + id + "/status"), TestActors.lead("milano"),
                Map.of("status", "ANSWERED", "version", 0)), 422);
        assertProblem(send(put("/api/v1/needs/" + id + "/status"), TestActors.lead("milano"),
                Map.of("status", "UNDER_REVIEW", "version", 3)), 409);
        assertThat(send(put("/api/v1/needs/" + id + "/status"), TestActors.operator("milano"),
                Map.of("status", "UNDER_REVIEW", "version", 0)).getStatus()).isEqualTo(403);
    }

    private static Map<String, Object> need(String network) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("networkCode", network);
        n.put("theme", "LANGUAGE");
        n.put("comuneIstat", "015146");
        n.put("raisedByKind", "SCHOOL");
        n.put("raisedOn", "2026-10-05");
        n.put("description", "Servono corsi di italiano serali per genitori.");
        n.put("evidence", "Richieste raccolte dalla scuola primaria.");
        return n;
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
