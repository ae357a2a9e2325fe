package it.labimpact.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import java.util.Locale;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long list is not counted to the end at every page (the API's paging contract, see PageResponse): with 10,001
 * participants in Milano, the first page says "more than 10,000" and has a next page; a page beyond 10,000 counts to
 * its own end and is exact again; the page of the list shows "more than" and its pager still goes forward.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongListTotalsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    void data() {
        clean();
        long lead = jdbc.sql("select lead_organisation_id from partnership_network where code = 'milano'")
                .query(Long.class).single();
        jdbc.sql("""
                insert into participant (id, person_id, network_code, organisation_id, registered_by,
                    first_contact_date, sex, birth_year, citizenship, residence_istat, consent_notice_version,
                    consent_at)
                select gen_random_uuid(), gen_random_uuid(), 'milano', :org, 'long-list', '2025-03-01', 'F', 1990,
                    'MA', '015146', 1, now()
                from generate_series(1, 10001)""").param("org", lead).update();
    }

    @AfterAll
    void clean() {
        jdbc.sql("delete from participant where registered_by = 'long-list'").update();
    }

    /** Milano's records: the 10,001 of this test and any another test of the same context left. */
    private long milano() {
        return jdbc.sql("select count(*) from participant where network_code = 'milano'").query(Long.class).single();
    }

    @Test
    void theApiSaysMoreThanTenThousandAndTheNextPageExists() throws Exception {
        long n = milano();
        assertThat(n).isBetween(10_001L, 10_020L);
        JsonNode first = api(get("/api/v1/participants").param("network", "milano").param("size", "50"));
        assertThat(first.get("items").size()).isEqualTo(50);
        assertThat(first.get("total").asLong()).isEqualTo(10_000);
        assertThat(first.get("totalExact").asBoolean()).isFalse();

        // the last page: beyond 10,000, counted to its end plus one, so exact again
        JsonNode last = api(get("/api/v1/participants").param("network", "milano").param("size", "50")
                .param("page", "200"));
        assertThat(last.get("items").size()).isEqualTo((int) (n - 10_000));
        assertThat(last.get("total").asLong()).isEqualTo(n);
        assertThat(last.get("totalExact").asBoolean()).isTrue();

        // a page in the middle beyond the limit: more than the end of that page
        JsonNode middle = api(get("/api/v1/participants").param("network", "milano").param("size", "25")
                .param("page", "399"));
        assertThat(middle.get("total").asLong()).isEqualTo(10_000);
        assertThat(middle.get("totalExact").asBoolean()).isFalse();
        assertThat(middle.get("items").size()).isEqualTo(25);
    }

    @Test
    void aShortListIsCountedExactly() throws Exception {
        JsonNode other = api(get("/api/v1/participants").param("network", "cremasca"));
        assertThat(other.get("totalExact").asBoolean()).isTrue();
        assertThat(other.get("total").asLong()).isEqualTo(other.get("items").size());
    }

    @Test
    void thePageSaysMoreThanAndItsPagerGoesOn() throws Exception {
        long n = milano();
        String first = page(get("/participants"));
        assertThat(first).contains("Più di 10.000 risultati").contains(">Pagina 1<").doesNotContain("Pagina 1 di");
        assertThat(first).containsPattern("class=\"page-link\" href=\"[^\"]*page=1\"");
        String last = page(get("/participants").param("page", "400"));
        assertThat(last).contains(String.format(Locale.ITALIAN, "%,d risultati", n))
                .contains("Pagina 401 di 401");
    }

    @Test
    void theApiDescriptionDocumentsThePagingContract() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode doc = json.readTree(r.getContentAsString());
        JsonNode schemas = doc.get("components").get("schemas");
        java.util.List<String> pages = new java.util.ArrayList<>();
        schemas.propertyNames().forEach(name -> {
            if (name.startsWith("PageResponse")) {
                pages.add(name);
            }
        });
        assertThat(pages).isNotEmpty();
        for (String name : pages) {
            JsonNode page = schemas.get(name);
            assertThat(page.get("description").asString()).as(name).contains("totalExact").contains("10,000");
            assertThat(page.get("properties").has("totalExact")).as(name).isTrue();
            assertThat(page.get("properties").get("total").get("description").asString()).contains("lower bound");
        }
        // the indicator values: 304 for a current ETag, the values' schema for 200
        JsonNode values = doc.get("paths").get("/api/v1/indicators/values").get("get");
        assertThat(values.get("responses").has("304")).isTrue();
        assertThat(values.get("description").asString()).contains("If-None-Match");
        assertThat(values.get("responses").get("200").toString()).contains("ValuesJson");
    }

    private JsonNode api(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(TestActors.coordinator())))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return json.readTree(r.getContentAsString());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.header("Accept-Language", "it")
                .with(TestActors.as(TestActors.operator("milano")))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString();
    }
}
