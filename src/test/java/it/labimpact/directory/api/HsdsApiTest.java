package it.labimpact.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import it.labimpact.TestActors;
import it.labimpact.directory.DirectoryCategory;
import it.labimpact.directory.DirectoryEditorial;
import it.labimpact.directory.DirectoryFixtures;
import it.labimpact.directory.HsdsDirectory;
import it.labimpact.directory.PublicLanguage;
import it.labimpact.directory.TextField;
import it.labimpact.directory.TranslationState;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public HSDS 3.0 API: every endpoint's responses validated against the official HSDS 3.0 JSON schemas (copied
 * in {@code src/test/resources/hsds-3.0/}), drafts never leaking, translations, problem+json errors, conditional
 * requests (ETag, Last-Modified, 304) and the per-address rate limit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HsdsApiTest {

    /** Format assertions on (uuid, email, uri, date-time), as HSDS means them. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /**
     * The paging envelope of openapi.json ({@code components.schemas.Page} with {@code contents}), written here
     * because the reference description has no file for it; every field required.
     */
    private static final String PAGE_SCHEMA = """
            {"type": "object",
             "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
                          "contents"],
             "properties": {
               "total_items": {"type": "integer", "minimum": 0}, "total_pages": {"type": "integer", "minimum": 0},
               "page_number": {"type": "integer", "minimum": 1}, "size": {"type": "integer", "minimum": 0},
               "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"}, "empty": {"type": "boolean"},
               "contents": {"type": "array"}}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryEditorial editorial;

    private final JsonMapper json = JsonMapper.builder().build();

    UUID course;
    UUID event;
    UUID draft;
    String organisation;

    @BeforeEach
    void setUp() {
        DirectoryFixtures.clean(jdbc);
        long org = DirectoryFixtures.leadOrganisation(jdbc, "milano");
        organisation = HsdsDirectory.organisationId(org).toString();
        TestActors.run(TestActors.lead("milano"), () -> {
            course = editorial.create(DirectoryFixtures.course(org, "Corso di italiano per adulti"));
            editorial.publish(course, DirectoryFixtures.version(jdbc, course));
            editorial.translate(course, PublicLanguage.AR, Map.of(TextField.NAME, "دورة اللغة الإيطالية للكبار"),
                    Map.of(TextField.NAME, TranslationState.REVIEWED), DirectoryFixtures.version(jdbc, course));
            event = editorial.create(DirectoryFixtures.event(org, "Festa delle culture",
                    LocalDateTime.now().plusDays(10).withHour(18).withMinute(0).withSecond(0).withNano(0)));
            editorial.publish(event, DirectoryFixtures.version(jdbc, event));
            draft = editorial.create(DirectoryFixtures.course(org, "Bozza non pubblica"));
        });
    }

    @AfterEach
    void cleanUp() {
        DirectoryFixtures.clean(jdbc);
    }

    @Test
    void everyEndpointAnswersWhatTheHsdsSchemasAllow() throws Exception {
        List<String> errors = new ArrayList<>();
        String term = DirectoryCategory.ITALIAN_LANGUAGE.termId().toString();
        String taxonomy = HsdsDirectory.TAXONOMY_ID.toString();

        JsonNode info = ok("/api/hsds/");
        assertThat(info.get("version").asString()).isEqualTo("3.0");
        assertThat(info.get("profile").asString()).startsWith("https://");

        for (String lang : List.of("", "&lang=ar")) {
            for (String full : List.of("", "&full=true")) {
                list(errors, "/api/hsds/services?per_page=5" + full + lang, "service", 1);
                list(errors, "/api/hsds/service_at_locations?page=1" + full + lang, "service_at_location", 1);
                list(errors, "/api/hsds/organizations?page=1" + full + lang, "organization", 1);
                list(errors, "/api/hsds/events?page=1" + full + lang, "service", 1);
            }
            list(errors, "/api/hsds/taxonomy_terms?page=1" + lang, "taxonomy_term", DirectoryCategory.values().length);
            JsonNode service = single(errors, "/api/hsds/services/" + course + "?x=1" + lang, "service");
            assertThat(service.get("phones")).isNotEmpty();
            assertThat(service.get("contacts")).isNotEmpty();
            assertThat(service.get("languages")).hasSize(3);
            assertThat(service.get("schedules")).hasSize(3);
            assertThat(service.get("required_documents")).hasSize(2);
            assertThat(service.get("cost_options")).hasSize(1);
            assertThat(service.get("attributes").get(0).get("taxonomy_term_id").asString()).isEqualTo(term);
            JsonNode place = service.get("service_at_locations").get(0);
            assertThat(place.get("location").get("addresses").get(0).get("city").asString()).isEqualTo("Milano");
            assertThat(place.get("location").get("latitude").asDouble()).isBetween(45.0, 46.0);
            single(errors, "/api/hsds/service_at_locations/" + place.get("id").asString() + "?x=1" + lang,
                    "service_at_location");
            single(errors, "/api/hsds/organizations/" + organisation + "?x=1" + lang, "organization");
            single(errors, "/api/hsds/taxonomy_terms/" + term + "?x=1" + lang, "taxonomy_term");
            JsonNode e = single(errors, "/api/hsds/events/" + event + "?x=1" + lang, "service");
            assertThat(e.get("starts_at").asString()).contains("T18:00");
        }
        list(errors, "/api/hsds/services?minimal=true", "service", 1);
        list(errors, "/api/hsds/services?taxonomy_term_id=" + term + "&organization_id=" + organisation
                + "&taxonomy_id=" + taxonomy + "&search=italiano&modified_after=2020-01-01T00:00:00Z", "service", 1);
        list(errors, "/api/hsds/service_at_locations?postcode=20122&taxonomy_term_id=" + term, "service_at_location", 1);
        list(errors, "/api/hsds/taxonomies", "taxonomy", 1);
        single(errors, "/api/hsds/taxonomies/" + taxonomy, "taxonomy");

        assertThat(errors).isEmpty();
    }

    @Test
    void theValidationCatchesADriftFromTheSchema() throws Exception {
        ObjectNode service = (ObjectNode) ok("/api/hsds/services/" + course);
        assertThat(schema("service").validate(service)).isEmpty();
        ObjectNode drifted = service.deepCopy();
        drifted.put("status", "open");
        drifted.remove("name");
        ((ObjectNode) drifted.get("service_at_locations").get(0).get("location")).put("id", "not-a-uuid");
        List<String> found = schema("service").validate(drifted).stream().map(Error::toString).toList();
        assertThat(found).hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(m -> assertThat(m).contains("/service_at_locations/0/location/id"))
                .anySatisfy(m -> assertThat(m).contains("status"))
                .anySatisfy(m -> assertThat(m).contains("name"));
    }

    @Test
    void filtersAndPagingFollowHsds() throws Exception {
        assertThat(ok("/api/hsds/services?taxonomy_term_id=" + DirectoryCategory.HOUSING.termId())
                .get("total_items").asInt()).isZero();
        assertThat(ok("/api/hsds/services?organization_id=" + UUID.randomUUID()).get("empty").asBoolean()).isTrue();
        assertThat(ok("/api/hsds/services?modified_after=2999-01-01").get("total_items").asInt()).isZero();
        assertThat(ok("/api/hsds/services?search=nessunaparola").get("total_items").asInt()).isZero();
        JsonNode second = ok("/api/hsds/services?page=2&per_page=1");
        assertThat(second.get("total_items").asInt()).isEqualTo(1);
        assertThat(second.get("total_pages").asInt()).isEqualTo(1);
        assertThat(second.get("page_number").asInt()).isEqualTo(2);
        assertThat(second.get("empty").asBoolean()).isTrue();
        assertThat(second.get("first_page").asBoolean()).isFalse();
        JsonNode minimal = ok("/api/hsds/services?minimal=true").get("contents").get(0);
        assertThat(minimal.get("id").asString()).isEqualTo(course.toString());
        assertThat(minimal.has("last_modified")).isTrue();
        assertThat(minimal.has("description")).isFalse();
        assertThat(ok("/api/hsds/services").get("contents").get(0).has("schedules")).isFalse();
    }

    @Test
    void draftsAndUnpublishedEntriesNeverLeak() throws Exception {
        for (String path : List.of("/api/hsds/services", "/api/hsds/services?full=true",
                "/api/hsds/service_at_locations?full=true", "/api/hsds/organizations?full=true",
                "/api/hsds/organizations/" + organisation, "/api/hsds/events?full=true",
                "/api/hsds/services?search=Bozza")) {
            assertThat(body(get(path))).as(path).doesNotContain(draft.toString()).doesNotContain("Bozza");
        }
        assertThat(ok("/api/hsds/services?search=Bozza").get("total_items").asInt()).isZero();
        problem(get("/api/hsds/services/" + draft), 404);
        problem(get("/api/hsds/events/" + course), 404);
        problem(get("/api/hsds/services/" + event), 404);
        String draftPlace = jdbc.sql("select id::text from directory_location where entry_id = :id").param("id", draft)
                .query(String.class).single();
        problem(get("/api/hsds/service_at_locations/" + draftPlace), 404);

        TestActors.run(TestActors.lead("milano"), () -> editorial.unpublish(course,
                DirectoryFixtures.version(jdbc, course)));
        problem(get("/api/hsds/services/" + course), 404);
        assertThat(ok("/api/hsds/services").get("total_items").asInt()).isZero();
        assertThat(ok("/api/hsds/organizations").get("total_items").asInt()).isZero();
        problem(get("/api/hsds/organizations/" + organisation), 404);
    }

    @Test
    void textsComeInTheLanguageAskedForWithItalianMarked() throws Exception {
        JsonNode it = ok("/api/hsds/services/" + course);
        assertThat(it.get("name").asString()).isEqualTo("Corso di italiano per adulti");
        assertThat(it.get("lang").asString()).isEqualTo("it");
        assertThat(it.has("lang_fallback")).isFalse();
        JsonNode ar = ok("/api/hsds/services/" + course + "?lang=ar");
        assertThat(ar.get("name").asString()).isEqualTo("دورة اللغة الإيطالية للكبار");
        assertThat(ar.get("lang").asString()).isEqualTo("ar");
        assertThat(ar.get("languages").get(0).get("name").asString()).isEqualTo("الإيطالية");
        assertThat(ar.get("lang_fallback")).extracting(JsonNode::asString).contains("description")
                .doesNotContain("name");
        assertThat(ok("/api/hsds/services?search=الإيطالية&lang=ar").get("total_items").asInt()).isEqualTo(1);
        assertThat(ok("/api/hsds/taxonomy_terms/" + DirectoryCategory.ITALIAN_LANGUAGE.termId() + "?lang=en")
                .get("name").asString()).isNotEqualTo("Lingua italiana");
        problem(get("/api/hsds/services?lang=xx"), 400);
    }

    @Test
    void errorsAreProblemJson() throws Exception {
        problem(get("/api/hsds/services/" + UUID.randomUUID()), 404);
        problem(get("/api/hsds/services/not-a-uuid"), 404);
        problem(get("/api/hsds/organizations/" + UUID.randomUUID()), 404);
        problem(get("/api/hsds/taxonomies/" + UUID.randomUUID()), 404);
        problem(get("/api/hsds/taxonomy_terms/" + UUID.randomUUID()), 404);
        problem(get("/api/hsds/service_at_locations/" + UUID.randomUUID()), 404);
        problem(get("/api/hsds/services?page=0"), 400);
        problem(get("/api/hsds/services?page=abc"), 400);
        problem(get("/api/hsds/services?per_page=0"), 400);
        problem(get("/api/hsds/services?per_page=1000"), 400);
        problem(get("/api/hsds/taxonomy_terms?per_page=-1"), 400);
        problem(get("/api/hsds/services?modified_after=yesterday"), 400);
    }

    @Test
    void clientsRevalidateWithEtagAndLastModified() throws Exception {
        MockHttpServletResponse first = response(get("/api/hsds/services"));
        String etag = first.getHeader("ETag");
        String lastModified = first.getHeader("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        assertThat(first.getHeader("Cache-Control")).contains("public");

        MockHttpServletResponse byTag = response(get("/api/hsds/services").header("If-None-Match", etag));
        assertThat(byTag.getStatus()).isEqualTo(304);
        assertThat(byTag.getContentAsString()).isEmpty();
        assertThat(byTag.getHeaders("ETag")).containsExactly(etag);
        assertThat(response(get("/api/hsds/services/" + course).header("If-Modified-Since", lastModified))
                .getStatus()).isEqualTo(304);
        assertThat(response(get("/api/hsds/services").header("If-None-Match", "\"other\"")).getStatus())
                .isEqualTo(200);

        // a draft changing changes nothing public; a published entry changing does
        TestActors.run(TestActors.lead("milano"), () -> editorial.translate(draft, PublicLanguage.EN,
                Map.of(TextField.NAME, "Draft"), Map.of(TextField.NAME, TranslationState.REVIEWED),
                DirectoryFixtures.version(jdbc, draft)));
        assertThat(response(get("/api/hsds/services").header("If-None-Match", etag)).getStatus()).isEqualTo(304);
        jdbc.sql("update directory_entry set updated_at = now() + interval '2 seconds' where id = :id")
                .param("id", course).update();
        MockHttpServletResponse changed = response(get("/api/hsds/services").header("If-None-Match", etag));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(response(get("/api/hsds/services").header("If-Modified-Since", lastModified)).getStatus())
                .isEqualTo(200);
    }

    @Test
    void eachAddressIsRateLimited() throws Exception {
        String address = "10.66." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        MockHttpServletResponse last = null;
        for (int i = 0; i < 400 && (last == null || last.getStatus() == 200); i++) {
            last = response(get("/api/hsds/").with(r -> {
                r.setRemoteAddr(address);
                return r;
            }));
        }
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(last.getContentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(json.readTree(last.getContentAsString()).get("status").asInt()).isEqualTo(429);
        assertThat(response(get("/api/hsds/").with(r -> {
            r.setRemoteAddr("10.77.0.1");
            return r;
        })).getStatus()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionDocumentsHsdsAndItsExtensions() throws Exception {
        JsonNode docs = json.readTree(body(get("/v3/api-docs")));
        assertThat(docs.get("paths").has("/api/hsds/services")).isTrue();
        assertThat(docs.get("paths").has("/api/hsds/events/{id}")).isTrue();
        assertThat(docs.toString()).contains("lang_fallback").contains("HSDS 3.0");
    }

    // --- helpers ---

    private Schema schema(String name) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:hsds-3.0/" + name + ".json"));
    }

    private void list(List<String> errors, String path, String object, int expected) throws Exception {
        JsonNode page = ok(path);
        collect(errors, path + " (page)", SCHEMAS.getSchema(PAGE_SCHEMA, com.networknt.schema.InputFormat.JSON)
                .validate(page));
        assertThat(page.get("contents")).as(path).hasSize(expected);
        int i = 0;
        for (JsonNode item : page.get("contents")) {
            collect(errors, path + " contents[" + i++ + "]", schema(object).validate(item));
        }
    }

    private JsonNode single(List<String> errors, String path, String object) throws Exception {
        JsonNode node = ok(path);
        collect(errors, path, schema(object).validate(node));
        return node;
    }

    private static void collect(List<String> errors, String where, List<Error> found) {
        found.forEach(e -> errors.add(where + ": " + e));
    }

    private JsonNode ok(String path) throws Exception {
        MockHttpServletResponse r = response(get(path));
        assertThat(r.getStatus()).as(path + " " + r.getContentAsString()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/json");
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private void problem(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse r = response(request);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("status").asInt()).isEqualTo(status);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return response(request).getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
