package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The participants API and pages across networks: registration, reads, rectification with optimistic locking,
 * erasure, export; and a network that knows a person's id still reaches nothing of another network's record.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ParticipantApiTest {

    static final LocalDate BORN = LocalDate.of(1990, 3, 12);
    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantRegistry registry;

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
    }

    @Test
    void registersAndReadsThroughTheApi() throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/participants").contentType(MediaType.APPLICATION_JSON)
                .content(registration("Ndiaye", "Awa", "12345678903", MILANO)), MILANO);

        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(created.getContentAsString());
        assertThat(body.get("alreadyRegisteredInProject").asBoolean()).isFalse();
        String id = body.get("id").asString();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/participants/" + id);

        JsonNode record = json.readTree(send(get("/api/v1/participants/" + id), MILANO).getContentAsString());
        assertThat(record.at("/personal/surname").asString()).isEqualTo("Ndiaye");
        assertThat(record.at("/personal/taxCode").asString()).isEqualTo("12345678903");
        assertThat(record.at("/summary/birthYear").asInt()).isEqualTo(1990);

        JsonNode again = json.readTree(send(post("/api/v1/participants").contentType(MediaType.APPLICATION_JSON)
                .content(registration("Ndiaye", "Awa", "12345678903", CREMASCA)), CREMASCA).getContentAsString());
        assertThat(again.get("alreadyRegisteredInProject").asBoolean()).isTrue();
        assertThat(again.toString()).doesNotContain(id);
    }

    @Test
    void invalidRegistrationsAreProblemsWithFieldErrors() throws Exception {
        MockHttpServletResponse invalid = send(post("/api/v1/participants").contentType(MediaType.APPLICATION_JSON)
                .content(registration("Ndiaye", "", "RSSMRA85T10A562T", MILANO)), MILANO);

        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(invalid.getContentAsString()).get("errors")).extracting(e -> e.get("field").asString())
                .contains("participant.givenNames", "participant.taxCode");

        register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null));
        MockHttpServletResponse duplicate = send(post("/api/v1/participants").contentType(MediaType.APPLICATION_JSON)
                .content(registration("Ndiaye", "Awa", null, MILANO)), MILANO);
        assertThat(duplicate.getStatus()).isEqualTo(422);
        assertThat(duplicate.getContentAsString()).contains("already registered in your network");
    }

    @Test
    void aStaleVersionAnswers409AndLosesNothing() throws Exception {
        UUID id = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null)).participantId();
        String first = rectification(0, "Ndiaye", "Awa Marie");
        String second = rectification(0, "Ndiaye", "Awa Fatou");

        MockHttpServletResponse ok = send(put("/api/v1/participants/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(first), MILANO);
        MockHttpServletResponse stale = send(put("/api/v1/participants/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(second), TestActors.lead("milano"));

        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(json.readTree(ok.getContentAsString()).at("/summary/version").asInt()).isEqualTo(1);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
        JsonNode now = json.readTree(send(get("/api/v1/participants/" + id), MILANO).getContentAsString());
        assertThat(now.at("/personal/givenNames").asString()).isEqualTo("Awa Marie");
    }

    @Test
    void anotherNetworkReachesNothingOfARecordByAnyPageOrEndpoint() throws Exception {
        UUID a = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, "12345678903")).participantId();
        String aVersion = "0";
        long vaultBefore = jdbc.sql("select count(*) from participant_vault").query(Long.class).single();

        List<MockHttpServletRequestBuilder> attempts = List.of(
                get("/participants/" + a), get("/participants/" + a + "/export"),
                get("/participants/" + a + "/export.json"),
                post("/participants/" + a).with(csrf()).param("version", aVersion).param("surname", "Hacked"),
                post("/participants/" + a + "/erase").with(csrf()).param("confirm", "true"),
                get("/api/v1/participants/" + a), get("/api/v1/participants/" + a + "/export"),
                put("/api/v1/participants/" + a).contentType(MediaType.APPLICATION_JSON)
                        .content(rectification(0, "Hacked", "Hacked")),
                delete("/api/v1/participants/" + a));
        List<String> leaks = new ArrayList<>();
        for (Actor other : List.of(CREMASCA, TestActors.lead("cremasca"))) {
            for (MockHttpServletRequestBuilder attempt : attempts) {
                MockHttpServletResponse r = send(attempt, other);
                if (r.getStatus() != 404 || r.getContentAsString().contains("Ndiaye")
                        || r.getContentAsString().contains("12345678903")) {
                    leaks.add(other.username() + " " + attempt.buildRequest(new org.springframework.mock.web.MockServletContext())
                            .getRequestURI() + " -> " + r.getStatus());
                }
            }
            for (String search : List.of("/participants?q=Ndiaye", "/participants?q=12345678903", "/participants")) {
                MockHttpServletResponse r = send(get(search), other);
                assertThat(r.getStatus()).as(search).isEqualTo(200);
                assertThat(r.getContentAsString()).as(search).doesNotContain(a.toString())
                        .doesNotContain("/participants/" + a);
            }
            for (String search : List.of("/api/v1/participants?q=ndi", "/api/v1/participants?q=12345678903",
                    "/api/v1/participants")) {
                MockHttpServletResponse r = send(get(search), other);
                assertThat(r.getStatus()).as(search).isEqualTo(200);
                assertThat(json.readTree(r.getContentAsString()).get("total").asLong()).as(search).isZero();
                assertThat(r.getContentAsString()).as(search).doesNotContain("Ndiaye").doesNotContain(a.toString());
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(jdbc.sql("select count(*) from participant_vault").query(Long.class).single()).isEqualTo(vaultBefore);
        TestActors.actAs(MILANO);
        assertThat(registry.read(a).personal().surname()).isEqualTo("Ndiaye");
        assertThat(jdbc.sql("select count(*) from audit_event where action like 'participant.%' and actor like '%cremasca'"
                + " and record_id = :id").param("id", a.toString()).query(Long.class).single()).isZero();
    }

    @Test
    void erasesAndExportsThroughTheApi() throws Exception {
        UUID id = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null)).participantId();

        JsonNode export = json.readTree(send(get("/api/v1/participants/" + id + "/export"), MILANO).getContentAsString());
        assertThat(export.at("/record/personal/surname").asString()).isEqualTo("Ndiaye");
        assertThat(export.at("/acceptedNotice/version").asInt()).isEqualTo(1);
        assertThat(export.get("networkName").asString()).isEqualTo("Rete Milano");

        assertThat(send(delete("/api/v1/participants/" + id), MILANO).getStatus()).as("operators cannot erase")
                .isEqualTo(403);
        assertThat(send(delete("/api/v1/participants/" + id), TestActors.lead("milano")).getStatus()).isEqualTo(204);
        JsonNode after = json.readTree(send(get("/api/v1/participants/" + id), MILANO).getContentAsString());
        assertThat(after.get("personal")).isNull();
        assertThat(after.at("/summary/erasedAt").isMissingNode()).isFalse();
        assertThat(send(delete("/api/v1/participants/" + id), TestActors.lead("milano")).getStatus()).isEqualTo(422);
    }

    @Test
    void evaluatorsReadPseudonymisedRowsOnly() throws Exception {
        UUID id = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, "12345678903")).participantId();

        MockHttpServletResponse rows = send(get("/api/v1/participants/pseudonymised"), TestActors.evaluator());
        assertThat(rows.getStatus()).isEqualTo(200);
        assertThat(rows.getContentAsString()).contains(id.toString()).doesNotContain("Ndiaye")
                .doesNotContain("12345678903").doesNotContain("1990-03-12").contains("\"birthYear\":1990");
        assertThat(send(get("/api/v1/participants/" + id), TestActors.evaluator()).getStatus()).isEqualTo(403);
        assertThat(send(get("/api/v1/participants/pseudonymised"), MILANO).getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestActors.as(actor)).with(csrf())).andReturn().getResponse();
    }

    private String registration(String surname, String givenNames, String code, Actor actor) {
        return json.writeValueAsString(Map.of("participant", participant(surname, givenNames, code),
                "organisationId", ParticipantFixtures.leadOrganisation(jdbc, actor.networkCode()),
                "consentNoticeVersion", 1));
    }

    private String rectification(int version, String surname, String givenNames) {
        return json.writeValueAsString(Map.of("version", version, "participant", participant(surname, givenNames, null)));
    }

    private static Map<String, Object> participant(String surname, String givenNames, String code) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("surname", surname, "givenNames", givenNames, "sex", "F",
                "birthDate", "1990-03-12", "birthCountry", "MA", "citizenship", "MA", "residence", "015146",
                "firstContactDate", LocalDate.now().toString()));
        if (code != null) {
            p.put("taxCode", code);
        }
        return p;
    }
}
