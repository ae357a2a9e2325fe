package it.labimpact.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.labimpact.TestActors;
import it.labimpact.directory.DirectoryEditorial;
import it.labimpact.directory.DirectoryFixtures;
import it.labimpact.directory.PublicLanguage;
import it.labimpact.directory.TextField;
import it.labimpact.directory.TranslationState;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
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

/**
 * The public pages without login and the editorial pages: search, bad input echoed safely, friendly pages for an
 * unknown comune, language or entry, languages (RTL, cookie, Accept-Language, fallback), JSON-LD, iCalendar, sitemap.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicDirectoryPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryEditorial editorial;

    UUID course;
    UUID event;
    UUID draft;

    @BeforeEach
    void setUp() {
        DirectoryFixtures.clean(jdbc);
        long org = DirectoryFixtures.leadOrganisation(jdbc, "milano");
        TestActors.run(TestActors.lead("milano"), () -> {
            course = editorial.create(DirectoryFixtures.course(org, "Corso di italiano per adulti"));
            editorial.publish(course, DirectoryFixtures.version(jdbc, course));
            editorial.translate(course, PublicLanguage.AR, Map.of(TextField.NAME, "دورة اللغة الإيطالية للكبار"),
                    Map.of(TextField.NAME, TranslationState.REVIEWED), DirectoryFixtures.version(jdbc, course));
            event = editorial.create(DirectoryFixtures.event(org, "Festa delle culture, musica; balli",
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
    void editorsSeeTheirStaleEntriesCountedOnTheirDashboard() throws Exception {
        DirectoryFixtures.checkedDaysAgo(jdbc, course, 181);
        String milano = mvc.perform(get("/dashboard/networks/milano").locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.operator("milano")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(milano).contains("id=\"directory-stale\"")
                .contains("schede da ricontrollare (non verificate da troppo tempo): 1.");
        String ghedi = mvc.perform(get("/dashboard/networks/ghedi").locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.operator("ghedi")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(ghedi).doesNotContain("directory-stale");
        // an evaluator edits no entry: no count, and the dashboard still answers
        assertThat(mvc.perform(get("/dashboard").locale(Locale.ITALIAN).with(TestActors.as(TestActors.evaluator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("directory-stale");
        // checked again: the count goes
        TestActors.run(TestActors.lead("milano"), () -> editorial.confirm(course, DirectoryFixtures.version(jdbc,
                course)));
        assertThat(mvc.perform(get("/dashboard/networks/milano").locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.operator("milano")))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("directory-stale");
    }

    @Test
    void nearMeSearchesNearTheComuneNearestToThePositionAndIgnoresNonsense() throws Exception {
        // a point in Sesto San Giovanni (45.53, 9.23), as the page's script sends it, rounded
        String near = page(get("/servizi").param("q", "corso").param("lat", "45.53").param("lon", "9.23"));
        assertThat(near).contains("vicino a Sesto San Giovanni").contains("Corso di italiano per adulti")
                .contains("id=\"near-me\"").contains("value=\"Sesto San Giovanni\"");
        // far from Lombardy (Rome), or not numbers: no place at all, every entry
        assertThat(page(get("/servizi").param("lat", "41.9").param("lon", "12.5"))).doesNotContain("km)")
                .contains("Corso di italiano per adulti");
        assertThat(page(get("/servizi").param("lat", "NaN").param("lon", "<b>9</b>"))).doesNotContain("km)")
                .doesNotContain("<b>9</b>");
        // a comune typed wins over a position
        assertThat(page(get("/servizi").param("comune", "Crema").param("lat", "45.53").param("lon", "9.23")))
                .contains("vicino a Crema");
    }

    @Test
    void aVisitorSearchesWithoutLoggingIn() throws Exception {
        String html = page(get("/servizi").param("q", "corso di italiano").param("comune", "sesto san giovanni"));
        assertThat(html).contains("Corso di italiano per adulti").contains("Risultati: 1")
                .contains("vicino a Sesto San Giovanni").doesNotContain("Bozza non pubblica").contains("<svg");
        assertThat(page(get("/servizi").param("categoria", "ITALIAN_LANGUAGE").param("parla", "ar")))
                .contains("Corso di italiano per adulti");
        assertThat(page(get("/servizi").param("categoria", "HOUSING"))).contains("Nessun risultato");
    }

    @Test
    void markupAndSqlInTheSearchAreHarmlessAndEchoedEscaped() throws Exception {
        String attack = "<script>alert(1)</script>' or 1=1; drop table directory_entry; --";
        String html = page(get("/servizi").param("q", attack).param("comune", "<b>x</b>"));
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<b>x</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("Risultati: 0")
                .contains("&lt;b&gt;x&lt;/b&gt;");
        assertThat(jdbc.sql("select count(*) from directory_entry").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anUnknownComuneOrLanguageGetsAFriendlyPage() throws Exception {
        String html = page(get("/servizi").param("comune", "Milan"));
        assertThat(html).contains("Non troviamo un comune lombardo che si chiami «Milan»").contains("Forse cercavi")
                .contains("Milano (MI)");
        assertThat(page(get("/servizi").param("lingua", "klingon"))).contains("«klingon» non è disponibile");
        MockHttpServletResponse missing = mvc.perform(get("/servizi/" + UUID.randomUUID()).param("lingua", "ar"))
                .andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("dir=\"rtl\"").contains("الصفحة غير موجودة");
        assertThat(mvc.perform(get("/servizi/not-a-uuid")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/servizi/" + draft)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/eventi/" + course)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theVisitorsLanguageIsChosenRememberedAndOfferedFromTheBrowser() throws Exception {
        MockHttpServletResponse chosen = mvc.perform(get("/servizi/" + course).param("lingua", "ar")).andReturn()
                .getResponse();
        String html = chosen.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\"").contains("دورة اللغة الإيطالية للكبار")
                // the description has no Arabic translation: Italian, marked lang="it", with a notice
                .contains("<span lang=\"it\">Corso di italiano per adulti stranieri")
                .contains("بعض أجزاء هذه الصفحة لم تُترجم بعد");
        assertThat(chosen.getHeader("Set-Cookie")).contains("LABIMPACT_PUBLIC_LANG=ar");
        assertThat(page(get("/servizi").cookie(new Cookie("LABIMPACT_PUBLIC_LANG", "ur")))).contains("lang=\"ur\" dir=\"rtl\"");
        assertThat(page(get("/servizi").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")))
                .contains("<html lang=\"zh-CN\" dir=\"ltr\"").contains("您附近的服务");
        assertThat(page(get("/servizi").header("Accept-Language", "de-DE,uk;q=0.8"))).contains("lang=\"uk\"");
        assertThat(page(get("/servizi").header("Accept-Language", "de-DE"))).contains("<html lang=\"it\"");
        // the switcher names each language in itself, with its lang attribute
        assertThat(html).contains("lang=\"bn\" hreflang=\"bn\"").contains(">বাংলা<").contains(">ਪੰਜਾਬੀ<")
                .contains(">Tagalog<").contains(">Shqip<");
        // staff pages keep their own language
        assertThat(mvc.perform(get("/login").cookie(new Cookie("LABIMPACT_PUBLIC_LANG", "ar"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<html lang=\"ar\"");
    }

    @Test
    void everyLanguageRendersThePublicPages() throws Exception {
        for (PublicLanguage l : PublicLanguage.values()) {
            for (String path : List.of("/servizi?q=corso&comune=Milano", "/servizi/" + course, "/eventi",
                    "/eventi/" + event, "/servizi?comune=Nowhere")) {
                String html = page(get(path + (path.contains("?") ? "&" : "?") + "lingua=" + l.tag()));
                assertThat(html).as(l + " " + path).contains("lang=\"" + l.tag() + "\" dir=\"" + l.dir() + "\"")
                        .doesNotContain("??");
            }
        }
    }

    @Test
    void entryPagesCarrySchemaOrgJsonLd() throws Exception {
        String service = page(get("/servizi/" + course));
        assertThat(service).contains("<script type=\"application/ld+json\">").contains("\"@type\":\"Service\"")
                .contains("\"streetAddress\":\"Via Pace 12\"").contains("Documento d&#39;identità")
                .contains("Lunedì").contains("Chiuso").contains("Informazioni verificate il");
        String ev = page(get("/eventi/" + event));
        assertThat(ev).contains("\"@type\":\"Event\"").contains("\"startDate\":\"").contains("evento.ics");
        assertThat(page(get("/eventi"))).contains("Festa delle culture, musica; balli");
    }

    @Test
    void eventsDownloadAsICalendar() throws Exception {
        MockHttpServletResponse one = mvc.perform(get("/eventi/" + event + "/evento.ics").param("lingua", "ar"))
                .andReturn().getResponse();
        assertThat(one.getContentType()).startsWith("text/calendar");
        assertThat(one.getHeader("Content-Disposition")).startsWith("attachment");
        List<Map<String, String>> events = ICalendarParser.events(one.getContentAsString(StandardCharsets.UTF_8));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("SUMMARY")).isEqualTo("Festa delle culture, musica; balli");
            assertThat(e.get("DESCRIPTION")).startsWith("Incontro aperto: diritti, servizi; domande, risposte.\nSeconda riga.");
            assertThat(e.get("DTSTART")).matches("\\d{8}T\\d{6}Z");
            assertThat(e.get("UID")).isEqualTo(event + "@labimpact.directory");
            assertThat(e.get("LOCATION")).contains("Via Roma 1").contains("Milano");
        });
        List<Map<String, String>> feed = ICalendarParser.events(mvc.perform(get("/eventi/calendario.ics"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(feed).extracting(e -> e.get("UID")).containsExactly(event + "@labimpact.directory");
        assertThat(mvc.perform(get("/eventi/" + course + "/evento.ics")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theSitemapListsPublishedPagesWithTheirLanguages() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/sitemap.xml")).andReturn().getResponse();
        String xml = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getContentType()).startsWith("application/xml");
        assertThat(xml).contains("/servizi/" + course + "</loc>").contains("/eventi/" + event + "</loc>")
                .doesNotContain(draft.toString()).contains("hreflang=\"zh-CN\"");
        assertThat(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement()
                .getTagName()).isEqualTo("urlset");
    }

    @Test
    void editorialPagesRenderAndTheFormShowsFieldErrors() throws Exception {
        for (String lang : List.of("it", "en")) {
            for (String path : List.of("/directory", "/directory?stale=true&kind=SERVICE&status=PUBLISHED",
                    "/directory/new", "/directory/new?kind=EVENT", "/directory/" + course, "/directory/" + course + "/edit",
                    "/directory/" + event + "/edit", "/directory/" + course + "/translations/ar")) {
                String html = mvc.perform(get(path).param("lang", lang).with(TestActors.as(TestActors.lead("milano"))))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(path).contains("</html>").doesNotContain("??");
            }
        }
        String refused = mvc.perform(post("/directory").with(csrf()).with(TestActors.as(TestActors.operator("milano")))
                .param("kind", "SERVICE").param("name", "").param("email", "not-an-email").param("hours1", "9-12")
                .param("locAddress", "Via X 1").param("locComune", "Milano").param("locPostal", "12"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"name-error\"").contains("id=\"email-error\"").contains("id=\"hours1-error\"")
                .contains("id=\"locPostal0-error\"").contains("value=\"Via X 1\"");
        // another network's entry: 404 by guessed id
        assertThat(mvc.perform(get("/directory/" + course).with(TestActors.as(TestActors.operator("ghedi"))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/directory/" + course + "/confirm").with(csrf()).param("version", "0")
                .with(TestActors.as(TestActors.operator("ghedi")))).andReturn().getResponse().getStatus()).isEqualTo(404);
        // evaluators do not edit the directory
        assertThat(mvc.perform(get("/directory").with(TestActors.as(TestActors.evaluator()))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
