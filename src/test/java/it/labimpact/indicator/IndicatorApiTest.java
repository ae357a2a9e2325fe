package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators API: catalogue, values with breakdowns, small cells suppressed, errors as problem+json, scope.
 * Data: seven participants of Milano (six women, one man) present at one Italian course session on 7 April 2025.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    void data() {
        clean();
        long lead = jdbc.sql("select lead_organisation_id from partnership_network where code = 'milano'")
                .query(Long.class).single();
        long activity = jdbc.sql("""
                insert into activity_activity (network_code, type_code, title, comune_istat, start_date, end_date,
                    planned_hours) values ('milano', 'ITALIAN_L2', 'Corso API indicatori', '015146', '2025-04-01',
                    '2025-06-30', 20) returning id""").query(Long.class).single();
        long session = jdbc.sql("""
                insert into activity_session (activity_id, session_date, hours) values (:a, '2025-04-07', 2)
                returning id""").param("a", activity).query(Long.class).single();
        for (int i = 0; i < 7; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into participant (id, person_id, network_code, organisation_id, registered_by,
                        first_contact_date, sex, birth_year, citizenship, residence_istat, consent_notice_version,
                        consent_at)
                    values (:id, :id, 'milano', :org, 'test', '2025-03-01', :sex, 1990, 'MA', '015146', 1, now())""")
                    .param("id", id).param("org", lead).param("sex", i == 0 ? "M" : "F").update();
            long enrolment = jdbc.sql("""
                    insert into participant_enrolment (participant_id, activity_id, enrolled_on, created_by)
                    values (:p, :a, '2025-04-01', 'test') returning id""").param("p", id).param("a", activity)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into participant_attendance (enrolment_id, session_id, present, hours, recorded_by)
                    values (:e, :s, true, 2, 'test')""").param("e", enrolment).param("s", session).update();
        }
    }

    @AfterAll
    void clean() {
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where title = 'Corso API indicatori'").update();
    }

    @Test
    void theCatalogueListsEveryIndicatorWithItsDefinition() throws Exception {
        JsonNode body = read(get("/api/v1/indicators"), TestActors.evaluator(), 200);
        List<String> codes = new ArrayList<>();
        body.get("items").forEach(i -> codes.add(i.get("code").asString()));
        assertThat(codes).contains("AMIF-O2", "AMIF-O3", "AMIF-O3.1", "AMIF-O3.2", "AMIF-O3.3", "AMIF-O5", "AMIF-O7",
                "AMIF-R8", "AMIF-R9", "AMIF-R10", "AMIF-R11", "P1-TIES", "P1-ASSOC", "P1-COMUNI", "P2-DIGITAL",
                "P2-STW", "P2-SKILLS", "P3-DESK", "P3-COMMUNITY");
        assertThat(body.get("total").asInt()).isEqualTo(codes.size());
        JsonNode r8 = read(get("/api/v1/indicators/AMIF-R8"), TestActors.evaluator(), 200);
        assertThat(r8.get("definition").get("it").asString()).contains("uscita", "ingresso");
        assertThat(r8.get("rule").asString()).isEqualTo("PERSONS");
    }

    @Test
    void valuesArePublishedWithSmallCellsSuppressed() throws Exception {
        JsonNode body = read(get("/api/v1/indicators/AMIF-O3.1/values").param("period", "2025-Q2")
                .param("by", "SEX"), TestActors.evaluator(), 200);
        assertThat(body.get("period").get("from").asString()).isEqualTo("2025-04-01");
        assertThat(body.get("smallCellThreshold").asInt()).isEqualTo(5);
        JsonNode total = find(body, null, null, null);
        assertThat(total.get("value").asInt()).isEqualTo(7);
        JsonNode men = find(body, null, "SEX", "M");
        assertThat(men.get("suppressed").asBoolean()).isTrue();
        assertThat(men.has("value")).as("no value for a suppressed cell").isFalse();
        assertThat(find(body, null, "SEX", "F").get("suppressed").asBoolean())
                .as("six women would reveal the one man: hidden too").isTrue();
        assertThat(find(body, "milano", null, null).get("value").asInt()).isEqualTo(7);
    }

    @Test
    void theBulkEndpointGivesEveryIndicatorOfThePeriod() throws Exception {
        JsonNode body = read(get("/api/v1/indicators/values").param("period", "2025-Q2").param("network", "milano")
                .param("by", "AGE_BAND"), TestActors.lead("milano"), 200);
        assertThat(find(body, "milano", null, null, "AMIF-O3").get("value").asInt()).isEqualTo(7);
        assertThat(find(body, "milano", "AGE_BAND", "35-49", "AMIF-O3").get("value").asInt()).isEqualTo(7);
        assertThat(find(body, "milano", null, null, "P0-ACTIVITIES").get("value").asInt()).isEqualTo(1);
        body.get("values").forEach(v -> assertThat(v.get("network").asString()).isEqualTo("milano"));
    }

    @Test
    void badRequestsGetProblemDetails() throws Exception {
        Actor evaluator = TestActors.evaluator();
        JsonNode badPeriod = read(get("/api/v1/indicators/AMIF-O3/values").param("period", "2025-Q9"), evaluator,
                422);
        assertThat(badPeriod.toString()).contains("period");
        read(get("/api/v1/indicators/values").param("period", "2025").param("by", "COLOUR"), evaluator, 422);
        read(get("/api/v1/indicators/NOPE/values").param("period", "2025"), evaluator, 404);
        read(get("/api/v1/indicators/values").param("period", "2025").param("network", "atlantide"), evaluator, 404);
        read(get("/api/v1/indicators/values").param("period", "2025").param("network", "cremasca"),
                TestActors.operator("milano"), 404);
        assertThat(mvc.perform(get("/api/v1/indicators")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private JsonNode find(JsonNode body, String network, String dimension, String key) {
        return find(body, network, dimension, key, body.get("values").get(0).get("indicator").asString());
    }

    private JsonNode find(JsonNode body, String network, String dimension, String key, String indicator) {
        for (JsonNode v : body.get("values")) {
            if (v.get("indicator").asString().equals(indicator) && text(v, "network").equals(String.valueOf(network))
                    && text(v, "dimension").equals(String.valueOf(dimension))
                    && text(v, "key").equals(String.valueOf(key))) {
                return v;
            }
        }
        throw new AssertionError("No value " + indicator + "/" + network + "/" + dimension + "/" + key + " in " + body);
    }

    private static String text(JsonNode v, String field) {
        return v.has(field) && !v.get(field).isNull() ? v.get(field).asString() : "null";
    }

    private JsonNode read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Actor actor, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return json.readTree(response.getContentAsString());
    }
}
