package it.labimpact.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read API of the partnership: envelope, ordering, filters, paging limits, errors as problem+json. */
@SpringBootTest
@AutoConfigureMockMvc
class PartnershipApiTest {

    /** The 13 networks as migration V1_5 seeds them: code, name, lead partner, in ordinal order. */
    private static final List<List<String>> NETWORKS = List.of(
            List.of("gera-dadda", "Rete Gera d'Adda", "Risorsa Sociale Gera d'Adda ASC"),
            List.of("ghedi", "Rete di Ghedi", "Azienda Territoriale per i Servizi alla Persona di Ghedi"),
            List.of("vallecamonica", "Rete Vallecamonica",
                    "Azienda Territoriale per i Servizi alla Persona di Vallecamonica – Breno"),
            List.of("comasca-lariana", "Rete Comasca e Lariana", "Azienda Sociale Comasca e Lariana"),
            List.of("cremasca", "Rete Cremasca", "Comunità Sociale Cremasca"),
            List.of("retesalute-merate", "Rete Retesalute – Merate", "Azienda Speciale Retesalute – Merate"),
            List.of("acsi", "Rete Acsi", "Azienda speciale Consortile Servizi Intercomunali – Acsi"),
            List.of("carate-brianza", "Rete Ambito di Carate Brianza", "Comune di Biassono – Ambito di Carate Brianza"),
            List.of("comuni-insieme", "Rete Comuni Insieme", "A.S.C. Comuni insieme per lo Sviluppo Sociale"),
            List.of("milano", "Rete Milano", "Comune di Milano"),
            List.of("sud-est-milano", "Rete Sud Est Milano",
                    "A.S.S.E.MI. (Azienda Sociale Sud Est Milano), capofila del Distretto Sociale Sud Est Milano"),
            List.of("siziano", "Rete Siziano", "Comune di Siziano"),
            List.of("valli-verbano-cittiglio", "Rete Valli del Verbano – Cittiglio",
                    "Comunità Montana Valli del Verbano – Area Sociale Ambito Distrettuale di Cittiglio"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    PartnershipManagement management;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startFromTheSeededPartnership() {
        PartnershipFixtures.reset(jdbc);
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        PartnershipFixtures.reset(jdbc);
    }

    @Test
    void listsTheThirteenNetworksInOrderWithTheirLeadPartners() throws Exception {
        JsonNode body = getJson("/api/v1/networks", TestActors.operator("ghedi"));

        assertThat(body.get("page").asInt()).isZero();
        assertThat(body.get("size").asInt()).isEqualTo(50);
        assertThat(body.get("total").asLong()).isEqualTo(13);
        assertThat(body.get("items")).hasSize(13);
        List<List<String>> listed = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        for (JsonNode n : body.get("items")) {
            listed.add(List.of(n.get("code").asString(), n.get("name").asString(), n.get("leadName").asString()));
            ordinals.add(n.get("ordinal").asInt());
            assertThat(n.get("members").asInt()).as(n.get("code").asString() + " members").isEqualTo(1);
            assertThat(n.get("comuni").asInt()).isZero();
            assertThat(n.get("population").asLong()).isZero();
        }
        assertThat(listed).containsExactlyElementsOf(NETWORKS);
        assertThat(ordinals).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void pagesTheNetworks() throws Exception {
        JsonNode second = getJson("/api/v1/networks?page=1&size=5", TestActors.coordinator());

        assertThat(second.get("total").asLong()).isEqualTo(13);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items")).extracting(n -> n.get("code").asString())
                .containsExactly("retesalute-merate", "acsi", "carate-brianza", "comuni-insieme", "milano");
    }

    @Test
    void showsANetworkWithItsLeadMember() throws Exception {
        JsonNode body = getJson("/api/v1/networks/milano", TestActors.evaluator());

        assertThat(body.get("network").get("code").asString()).isEqualTo("milano");
        assertThat(body.get("network").get("leadName").asString()).isEqualTo("Comune di Milano");
        assertThat(body.get("members")).hasSize(1);
        JsonNode lead = body.get("members").get(0);
        assertThat(lead.get("role").asString()).isEqualTo("LEAD");
        assertThat(lead.get("organisationName").asString()).isEqualTo("Comune di Milano");
        assertThat(lead.get("kind").asString()).isEqualTo("LOCAL_AUTHORITY");
        assertThat(lead.get("organisationId").asLong())
                .isEqualTo(body.get("network").get("leadOrganisationId").asLong());
        assertThat(body.get("comuni")).isEmpty();
    }

    @Test
    void malformedParametersAre400Problems() throws Exception {
        for (String url : java.util.List.of("/api/v1/organisations?kind=NOPE", "/api/v1/organisations/abc",
                "/api/v1/comuni?page=x")) {
            MvcResult result = mvc.perform(get(url).with(TestActors.as(TestActors.coordinator())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn();
            assertThat(json.readTree(result.getResponse().getContentAsByteArray()).get("status").asInt())
                    .as(url).isEqualTo(400);
        }
    }

    @Test
    void anUnknownNetworkIsA404Problem() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/networks/nope").with(TestActors.as(TestActors.coordinator())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();

        JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains("nope");
    }

    @Test
    void listsTheComuniOfAProvince() throws Exception {
        JsonNode body = getJson("/api/v1/comuni?province=MI&size=500", TestActors.operator("milano"));

        assertThat(body.get("total").asLong()).isEqualTo(133);
        assertThat(body.get("size").asInt()).isEqualTo(500);
        assertThat(body.get("items")).hasSize(133)
                .allSatisfy(c -> assertThat(c.get("province").asString()).isEqualTo("MI"));
        JsonNode milano = find(body.get("items"), "015146");
        assertThat(milano.get("name").asString()).isEqualTo("Milano");
        assertThat(milano.get("cadastralCode").asString()).isEqualTo("F205");
        assertThat(milano.get("network")).isNull();
    }

    @Test
    void listsExactlyTheComuniANetworkCovers() throws Exception {
        TestActors.actAs(TestActors.coordinator());
        management.cover("cremasca", List.of("019035", "019036"), "SCREEN");
        TestActors.clear();

        JsonNode body = getJson("/api/v1/comuni?network=cremasca", TestActors.lead("milano"));

        assertThat(body.get("total").asLong()).isEqualTo(2);
        assertThat(body.get("items")).extracting(c -> c.get("istatCode").asString() + " " + c.get("name").asString()
                + " " + c.get("network").asString()).containsExactly("019035 Crema cremasca", "019036 Cremona cremasca");

        JsonNode crema = find(getJson("/api/v1/comuni?province=CR&size=500", TestActors.coordinator()).get("items"),
                "019035");
        assertThat(crema.get("network").asString()).isEqualTo("cremasca");
        assertThat(getJson("/api/v1/comuni?network=milano", TestActors.coordinator()).get("total").asLong()).isZero();

        long population = body.get("items").get(0).get("population").asLong()
                + body.get("items").get(1).get("population").asLong();
        JsonNode cremasca = getJson("/api/v1/networks/cremasca", TestActors.coordinator());
        assertThat(cremasca.get("network").get("comuni").asInt()).isEqualTo(2);
        assertThat(cremasca.get("network").get("population").asLong()).isEqualTo(population);
        assertThat(cremasca.get("comuni")).extracting(c -> c.get("istatCode").asString())
                .containsExactly("019035", "019036");
    }

    @Test
    void filteringByAnUnknownNetworkIsA404() throws Exception {
        mvc.perform(get("/api/v1/comuni?network=nope").with(TestActors.as(TestActors.coordinator())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void clampsThePageSizeTo500AndANegativePageToTheFirst() throws Exception {
        JsonNode big = getJson("/api/v1/comuni?size=1000", TestActors.coordinator());
        assertThat(big.get("size").asInt()).isEqualTo(500);
        assertThat(big.get("items")).hasSize(500);
        assertThat(big.get("total").asLong()).isEqualTo(1502);

        JsonNode last = getJson("/api/v1/comuni?size=1000&page=3", TestActors.coordinator());
        assertThat(last.get("page").asInt()).isEqualTo(3);
        assertThat(last.get("items")).hasSize(2);

        JsonNode negative = getJson("/api/v1/comuni?page=-4&size=0", TestActors.coordinator());
        assertThat(negative.get("page").asInt()).isZero();
        assertThat(negative.get("size").asInt()).isEqualTo(1);
        assertThat(negative.get("items")).hasSize(1);

        assertThat(getJson("/api/v1/networks?size=100000", TestActors.coordinator()).get("size").asInt())
                .isEqualTo(500);
    }

    @Test
    void anAnonymousCallerGetsA401Problem() throws Exception {
        for (String url : List.of("/api/v1/networks", "/api/v1/networks/milano", "/api/v1/comuni?province=MI")) {
            MvcResult result = mvc.perform(get(url))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andReturn();
            JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
            assertThat(problem.get("status").asInt()).as(url).isEqualTo(401);
            assertThat(result.getResponse().getContentAsString()).doesNotContain("Comune di Milano");
        }
    }

    private JsonNode getJson(String url, Actor actor) throws Exception {
        MvcResult result = mvc.perform(get(url).with(TestActors.as(actor)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static JsonNode find(JsonNode items, String istatCode) {
        for (JsonNode c : items) {
            if (c.get("istatCode").asString().equals(istatCode)) {
                return c;
            }
        }
        throw new AssertionError("No comune " + istatCode + " in " + items);
    }
}
