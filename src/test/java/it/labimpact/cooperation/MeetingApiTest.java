package it.labimpact.cooperation;

import static it.labimpact.cooperation.MeetingFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
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

/**
 * The governance API: bodies, meetings with the list envelope and filters, attendance and decisions with their
 * versions; errors as problem+json (404 out of scope, 409 stale, 422 rule, 400 invalid, 403 read-only roles).
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long milanoTable;
    long comuneDiMilano;

    @BeforeEach
    void seeded() {
        MeetingFixtures.clean(jdbc);
        milanoTable = MeetingFixtures.table(jdbc, "milano");
        comuneDiMilano = MeetingFixtures.organisationId(jdbc, "Comune di Milano");
    }

    @AfterEach
    void cleanUp() {
        MeetingFixtures.clean(jdbc);
    }

    @Test
    void aLeadRecordsAMeetingItsAttendanceAndADecisionThroughTheApi() throws Exception {
        Actor lead = TestActors.lead("milano");
        MockHttpServletResponse created = send(post("/api/v1/meetings"), lead, """
                {"bodyId": %d, "date": "%s", "startTime": "15:00", "mode": "ONLINE",
                 "link": "https://meet.example.org/tavolo", "agenda": "Programmazione", "status": "PLANNED"}"""
                .formatted(milanoTable, TODAY.minusDays(1)));
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode meeting = json.readTree(created.getContentAsString());
        long id = meeting.get("summary").get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/meetings/" + id);
        assertThat(meeting.get("attendance")).extracting(a -> a.get("organisationId").asLong())
                .containsExactly(comuneDiMilano);

        JsonNode stale = json.readTree(send(put("/api/v1/meetings/" + id + "/attendance"), lead, """
                {"version": 7, "entries": [{"organisationId": %d, "present": true, "people": 2}]}"""
                .formatted(comuneDiMilano)).getContentAsString());
        assertThat(stale.get("status").asInt()).isEqualTo(409);
        MockHttpServletResponse attended = send(put("/api/v1/meetings/" + id + "/attendance"), lead, """
                {"version": 0, "entries": [{"organisationId": %d, "present": true, "people": 2}]}"""
                .formatted(comuneDiMilano));
        assertThat(attended.getStatus()).isEqualTo(200);
        JsonNode held = json.readTree(attended.getContentAsString());
        assertThat(held.get("summary").get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("summary").get("people").asInt()).isEqualTo(2);

        MockHttpServletResponse decision = send(post("/api/v1/meetings/" + id + "/decisions"), lead, """
                {"text": "Calendario comune", "ownerOrganisationId": %d, "dueOn": "%s"}"""
                .formatted(comuneDiMilano, TODAY.plusDays(10)));
        assertThat(decision.getStatus()).isEqualTo(201);
        long decisionId = json.readTree(decision.getContentAsString()).get("id").asLong();
        MockHttpServletResponse updated = send(put("/api/v1/meetings/" + id + "/decisions/" + decisionId), lead, """
                {"text": "Calendario comune", "ownerOrganisationId": %d, "status": "IN_PROGRESS", "version": 0}"""
                .formatted(comuneDiMilano));
        assertThat(json.readTree(updated.getContentAsString()).get("status").asString()).isEqualTo("IN_PROGRESS");

        JsonNode list = read(get("/api/v1/meetings?network=milano&status=HELD&from=" + TODAY.minusDays(1)
                + "&to=" + TODAY + "&size=10"), TestActors.operator("milano"));
        // other tests may leave meetings of milano: assert on this one, not on how many there are
        assertThat(list.get("total").asLong()).isPositive();
        assertThat(list.get("size").asInt()).isEqualTo(10);
        assertThat(list.get("items")).extracting(m -> m.get("id").asLong()).contains(id);
        assertThat(read(get("/api/v1/meetings?status=PLANNED&network=milano&size=100"), lead).get("items"))
                .extracting(m -> m.get("id").asLong()).doesNotContain(id);
        JsonNode pending = read(get("/api/v1/governance/decisions?network=milano"), lead);
        assertThat(pending).extracting(d -> d.get("id").asLong()).contains(decisionId);
    }

    @Test
    void bodiesAreListedWithinTheCallersScope() throws Exception {
        JsonNode forLead = read(get("/api/v1/governance/bodies"), TestActors.operator("milano"));
        assertThat(forLead).extracting(b -> b.get("kind").asString() + " " + (b.get("networkCode") == null
                ? "project" : b.get("networkCode").asString()))
                .containsExactly("STEERING_GROUP project", "NETWORK_TABLE milano");
        // the standing bodies: the steering group and the 13 network tables (working groups come and go)
        assertThat(read(get("/api/v1/governance/bodies"), TestActors.evaluator()))
                .filteredOn(b -> !b.get("kind").asString().equals("WORKING_GROUP")).hasSize(14);
        assertThat(read(get("/api/v1/governance/bodies/" + milanoTable), TestActors.evaluator()).get("name")
                .asString()).startsWith("Tavolo di rete");
    }

    @Test
    void errorsAreProblemDetails() throws Exception {
        long meetingsBefore = MeetingFixtures.meetingCount(jdbc);
        Actor lead = TestActors.lead("milano");
        MockHttpServletResponse rule = send(post("/api/v1/meetings"), lead, """
                {"bodyId": %d, "date": "%s", "mode": "IN_PERSON", "status": "PLANNED"}"""
                .formatted(milanoTable, TODAY));
        assertThat(rule.getStatus()).isEqualTo(422);
        assertThat(rule.getContentType()).isEqualTo("application/problem+json");
        assertThat(json.readTree(rule.getContentAsString()).get("errors").get(0).get("field").asString())
                .isEqualTo("place");

        MockHttpServletResponse invalid = send(post("/api/v1/meetings"), lead, """
                {"bodyId": %d, "mode": "IN_PERSON", "place": "Sala", "status": "PLANNED",
                 "link": "javascript:alert(1)"}""".formatted(milanoTable));
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(json.readTree(invalid.getContentAsString()).get("errors")).extracting(e -> e.get("field").asString())
                .contains("date", "link");

        long cremascaTable = MeetingFixtures.table(jdbc, "cremasca");
        MockHttpServletResponse foreign = send(post("/api/v1/meetings"), lead, """
                {"bodyId": %d, "date": "%s", "mode": "IN_PERSON", "place": "Sala", "status": "PLANNED"}"""
                .formatted(cremascaTable, TODAY));
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(send(post("/api/v1/meetings"), TestActors.operator("milano"), """
                {"bodyId": %d, "date": "%s", "mode": "IN_PERSON", "place": "Sala", "status": "PLANNED"}"""
                .formatted(milanoTable, TODAY)).getStatus()).isEqualTo(403);
        assertThat(MeetingFixtures.meetingCount(jdbc)).as("no meeting recorded").isEqualTo(meetingsBefore);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Actor actor, String body)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(TestActors.as(actor)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    private JsonNode read(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return json.readTree(r.getContentAsString());
    }
}
