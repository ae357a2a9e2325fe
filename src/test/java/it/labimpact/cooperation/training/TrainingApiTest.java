package it.labimpact.cooperation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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

/** The training API: list envelope, creation, whole lists, the trained count, errors as problem+json, scope. */
@SpringBootTest
@AutoConfigureMockMvc
class TrainingApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PartnershipManagement partnership;

    long milano;
    long ismu;

    @BeforeEach
    void seededPartnership() {
        TrainingFixtures.clean(jdbc);
        milano = TrainingFixtures.organisationId(jdbc, "Comune di Milano");
        ismu = TrainingFixtures.partnerOf(jdbc, partnership, "milano", "Fondazione ISMU");
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        TrainingFixtures.clean(jdbc);
    }

    @Test
    void anOperatorCreatesATrainingRecordsAttendanceAndAnswersAndCountsTheTrained() throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/trainings"), TestActors.operator("milano"),
                training("milano", "12"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode body = json.readTree(created.getContentAsString());
        long id = body.get("summary").get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/trainings/" + id);
        assertThat(body.get("data").get("version").asInt()).isZero();
        assertThat(body.get("summary").get("networkName").asString()).isEqualTo("Rete Milano");

        // 12 h: Rossi 9 h (75 %: trained), Bianchi 8 h (66.7 %: not), Verdi all hours
        JsonNode listed = json.readTree(send(put("/api/v1/trainings/" + id + "/attendees"),
                TestActors.operator("milano"), Map.of("version", 0, "attendees", List.of(
                        attendee("Rossi", "Maria", milano, 9), attendee("Bianchi", "Luca", milano, 8),
                        attendee("Verdi", "Anna", ismu, null)))).getContentAsString());
        assertThat(listed.get("summary").get("attendees").asInt()).isEqualTo(3);
        assertThat(listed.get("summary").get("trained").asInt()).isEqualTo(2);
        assertThat(listed.get("attendees")).extracting(a -> a.get("surname").asString() + " "
                + a.get("trained").asBoolean()).containsExactly("Bianchi false", "Rossi true", "Verdi true");
        long rossi = listed.get("attendees").get(1).get("id").asLong();

        JsonNode answered = json.readTree(send(put("/api/v1/trainings/" + id + "/self-assessments"),
                TestActors.operator("milano"), Map.of("version", 1, "answers", List.of(Map.of("attendeeId", rossi,
                        "pre", List.of(1, 2, 3, 4, 5), "post", List.of(3, 3, 3, 5, 5))))).getContentAsString());
        // one respondent: before mean 3.0, after 3.8, change +0.8
        assertThat(answered.get("selfAssessment").get("respondents").asInt()).isEqualTo(1);
        assertThat(answered.get("selfAssessment").get("averageChange").decimalValue()).isEqualByComparingTo("0.80");

        JsonNode list = read(get("/api/v1/trainings?network=milano&size=10"), TestActors.lead("milano"));
        assertThat(list.get("size").asInt()).isEqualTo(10);
        // other tests may leave trainings of milano: find this one
        JsonNode mine = null;
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asLong() == id) {
                mine = item;
            }
        }
        assertThat(mine).as("the training is listed").isNotNull();
        assertThat(mine.get("trained").asInt()).isEqualTo(2);

        JsonNode trained = read(get("/api/v1/trainings/trained?from=2026-01-01&to=2026-12-31"),
                TestActors.coordinator());
        assertThat(trained.get("trained").asLong()).isEqualTo(2);
        JsonNode before = read(get("/api/v1/trainings/trained?from=2026-01-01&to=2026-03-19"), TestActors.coordinator());
        assertThat(before.get("trained").asLong()).isZero();
    }

    @Test
    void errorsAreProblemDetails() throws Exception {
        // bean validation: 400 with the fields
        Map<String, Object> invalid = training("milano", "0");
        invalid.put("title", "");
        JsonNode problem = assertProblem(send(post("/api/v1/trainings"), TestActors.operator("milano"), invalid), 400);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString()).contains("title", "hours");
        // a business rule: 422 naming the field
        Map<String, Object> reversed = training("milano", "4");
        reversed.put("endDate", "2026-03-01");
        assertThat(assertProblem(send(post("/api/v1/trainings"), TestActors.operator("milano"), reversed), 422)
                .get("errors")).singleElement().satisfies(e -> assertThat(e.get("field").asString()).isEqualTo("endDate"));

        long id = create(TestActors.operator("milano"));
        // a row refused names its position; a stale version is a conflict
        JsonNode row = assertProblem(send(put("/api/v1/trainings/" + id + "/attendees"), TestActors.operator("milano"),
                Map.of("version", 0, "attendees", List.of(attendee("Rossi", "Maria", milano, 2),
                        attendee("Rossi", "Maria", milano, 3)))), 422);
        assertThat(row.get("errors").get(0).get("field").asString()).isEqualTo("attendees[1].surname");
        assertProblem(send(put("/api/v1/trainings/" + id + "/attendees"), TestActors.operator("milano"),
                Map.of("version", 7, "attendees", List.of())), 409);
        // another network's training, or one that does not exist: 404; a role that may not: 403
        assertProblem(mvc.perform(get("/api/v1/trainings/" + id).with(TestActors.as(TestActors.operator("cremasca"))))
                .andReturn().getResponse(), 404);
        assertProblem(send(put("/api/v1/trainings/" + id + "/attendees"), TestActors.lead("cremasca"),
                Map.of("version", 0, "attendees", List.of())), 404);
        assertProblem(mvc.perform(get("/api/v1/trainings/424242").with(TestActors.as(TestActors.coordinator())))
                .andReturn().getResponse(), 404);
        assertThat(mvc.perform(get("/api/v1/trainings").with(TestActors.as(TestActors.evaluator())))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aChangeCarriesTheVersionRead() throws Exception {
        long id = create(TestActors.operator("milano"));
        Map<String, Object> changed = training("milano", "16");
        changed.put("version", 0);
        JsonNode updated = json.readTree(send(put("/api/v1/trainings/" + id), TestActors.operator("milano"), changed)
                .getContentAsString());
        assertThat(updated.get("summary").get("hours").decimalValue()).isEqualByComparingTo("16");
        assertThat(updated.get("data").get("version").asInt()).isEqualTo(1);
        assertProblem(send(put("/api/v1/trainings/" + id), TestActors.operator("milano"), changed), 409);
    }

    private long create(Actor actor) throws Exception {
        MockHttpServletResponse r = send(post("/api/v1/trainings"), actor, training("milano", "12"));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return json.readTree(r.getContentAsString()).get("summary").get("id").asLong();
    }

    private Map<String, Object> training(String network, String hours) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("title", "Mediazione linguistico-culturale nei servizi");
        t.put("theme", "MEDIATION");
        t.put("organiserOrganisationId", ismu);
        t.put("networkCode", network);
        t.put("startDate", "2026-03-16");
        t.put("endDate", "2026-03-20");
        t.put("hours", hours);
        t.put("mode", "ONLINE");
        return t;
    }

    private static Map<String, Object> attendee(String surname, String given, long organisation, Integer hours) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("surname", surname);
        a.put("givenName", given);
        a.put("organisationId", organisation);
        a.put("role", "CULTURAL_MEDIATOR");
        a.put("hoursAttended", hours);
        return a;
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
