package it.labimpact.cooperation.referral;

import static it.labimpact.cooperation.referral.ReferralFixtures.lead;
import static it.labimpact.cooperation.referral.ReferralFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.HashMap;
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
 * The referrals API across two networks: sending with and without consent (problem+json), the inbox, the
 * receiving side's steps with optimistic locking, what the receiving side's JSON holds, and a third network that
 * knows the id and reaches nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralApiTest {

    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");
    static final Actor GHEDI = TestActors.operator("ghedi");

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
        ReferralFixtures.clean(jdbc);
    }

    private Map<String, Object> referral(UUID participant, boolean consent, String sharing) {
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", participant.toString());
        body.put("toNetworkCode", "cremasca");
        body.put("toOrganisationId", lead(jdbc, "cremasca"));
        body.put("service", "JOB_GUIDANCE");
        body.put("note", "Cerca lavoro nella logistica");
        body.put("consent", consent);
        body.put("consentOn", LocalDate.now().toString());
        body.put("consentNotice", "Modulo consenso invio v1");
        body.put("sharing", sharing);
        return body;
    }

    @Test
    void sendTakeInChargeAndCloseThroughTheApi() throws Exception {
        UUID participant = registered(registry, jdbc, "milano");

        MockHttpServletResponse refused = send(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(referral(participant, false, "PROFILE"))), MILANO);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(refused.getContentAsString()).at("/errors/0/field").asString()).isEqualTo("consent");

        MockHttpServletResponse created = send(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(referral(participant, true, "CONTACTS"))), MILANO);
        assertThat(created.getStatus()).isEqualTo(201);
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/referrals/" + id);

        JsonNode inbox = json.readTree(send(get("/api/v1/referrals?box=RECEIVED&size=100"), CREMASCA)
                .getContentAsString());
        JsonNode received = null;
        for (JsonNode item : inbox.get("items")) {
            if (item.get("id").asLong() == id) {
                received = item;
            }
        }
        assertThat(received).as("the referral is in the receiving side's inbox").isNotNull();
        // the receiving side's JSON: the pseudonymous person id, no record id of the sender, no names or contacts
        assertThat(received.has("participantId")).isFalse();
        assertThat(received.get("personId").asString()).isNotBlank();
        assertThat(received.toString()).doesNotContain("Diallo", "Mamadou", "7654321", "example.org", "1995-06-01",
                participant.toString());
        assertThat(received.get("receiving").asBoolean()).isTrue();

        JsonNode contacts = json.readTree(send(get("/api/v1/referrals/" + id + "/contacts"), CREMASCA)
                .getContentAsString());
        assertThat(contacts.get("surname").asString()).isEqualTo("Diallo");
        assertThat(contacts.has("birthDate")).isFalse();

        assertThat(send(step(id, "take-in-charge", Map.of("version", 0)), CREMASCA).getStatus()).isEqualTo(200);
        MockHttpServletResponse stale = send(step(id, "close", Map.of("version", 0, "outcome", "SERVICE_PROVIDED")),
                CREMASCA);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
        assertThat(send(step(id, "decline", Map.of("version", 1, "reason", "No")), CREMASCA).getStatus())
                .isEqualTo(422);
        JsonNode closed = json.readTree(send(step(id, "close", Map.of("version", 1, "outcome", "SERVICE_PROVIDED")),
                CREMASCA).getContentAsString());
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        // the sender follows it; the sender cannot act for the receiver
        JsonNode sent = json.readTree(send(get("/api/v1/referrals/" + id), MILANO).getContentAsString());
        assertThat(sent.get("status").asString()).isEqualTo("CLOSED");
        assertThat(sent.get("participantId").asString()).isEqualTo(participant.toString());
        assertThat(sent.get("takenBy").asString()).isEqualTo(CREMASCA.username());
        assertThat(send(get("/api/v1/referrals/" + id + "/contacts"), MILANO).getStatus()).isEqualTo(422);
    }

    @Test
    void aThirdNetworkAndOtherRolesReachNothing() throws Exception {
        UUID participant = registered(registry, jdbc, "milano");
        // a participant of another network cannot be referred, even by its true id
        assertThat(send(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(referral(participant, true, "PROFILE"))), GHEDI).getStatus())
                .isEqualTo(404);
        long id = json.readTree(send(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(referral(participant, true, "REGISTRATION"))), MILANO)
                .getContentAsString()).get("id").asLong();

        for (MockHttpServletRequestBuilder probe : List.of(get("/api/v1/referrals/" + id),
                get("/api/v1/referrals/" + id + "/contacts"), step(id, "take-in-charge", Map.of("version", 0)),
                step(id, "decline", Map.of("version", 0, "reason", "x")),
                step(id, "close", Map.of("version", 0, "outcome", "OTHER")), get("/referrals/" + id),
                get("/referrals/" + id + "?contacts=true"))) {
            MockHttpServletResponse r = send(probe, GHEDI);
            assertThat(r.getStatus()).as(probe.toString()).isEqualTo(404);
            assertThat(r.getContentAsString()).doesNotContain("Diallo", "cremasca");
        }
        assertThat(json.readTree(send(get("/api/v1/referrals?size=100"), GHEDI).getContentAsString()).get("items"))
                .extracting(r -> r.get("id").asLong()).doesNotContain(id);
        assertThat(send(get("/api/v1/referrals/" + (id + 1000)), MILANO).getStatus()).isEqualTo(404);
        // governance and evaluators are refused by the access policy
        assertThat(send(get("/api/v1/referrals"), TestActors.evaluator()).getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select status from cooperation_referral where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void theApiIsDescribed() throws Exception {
        JsonNode paths = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .get("paths");
        assertThat(paths.get("/api/v1/referrals").has("post")).isTrue();
        assertThat(paths.get("/api/v1/referrals/{id}/take-in-charge").has("post")).isTrue();
        assertThat(paths.get("/api/v1/referrals/{id}/close").has("post")).isTrue();
        assertThat(paths.get("/api/v1/agreements/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/agreements/{id}/document").has("post")).isTrue();
    }

    private MockHttpServletRequestBuilder step(long id, String step, Map<String, Object> body) {
        return post("/api/v1/referrals/" + id + "/" + step).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestActors.as(actor)).with(csrf())).andReturn().getResponse();
    }
}
