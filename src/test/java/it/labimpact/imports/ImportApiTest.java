package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.shared.Actor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The imports API (start, poll, report, problem+json refusals, scope) and the pages (upload form, a job's page
 * polled by htmx until it ends, the commit of a validated file, the templates).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTest {

    static final Actor MILANO = ImportFixtures.milano();
    static final String HEADER = "Cognome;Nome;Sesso;Data di nascita;Paese di nascita;Cittadinanza;Codice fiscale;"
            + "Comune di residenza;Data primo contatto;ID attività;Data iscrizione";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityManagement management;

    long course;
    long organisation;
    int notice;

    @BeforeEach
    void data() {
        clean();
        course = ImportFixtures.course(management, jdbc, "milano");
        organisation = ParticipantFixtures.leadOrganisation(jdbc, "milano");
        notice = ParticipantFixtures.currentNotice(jdbc);
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from imports_job").update();
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void startsAJobPollsItAndDownloadsTheReport() throws Exception {
        MockHttpServletResponse started = mvc.perform(multipart("/api/v1/imports").file(file(
                "Ndiaye;Awa;F;12/03/1990;SN;SN;;015146;" + ImportFixtures.day(10) + ";" + course + ";"
                        + ImportFixtures.day(5),
                "Ali;Omar;Q;01/07/1988;EG;EG;;015146;" + ImportFixtures.day(10) + ";;"))
                .param("mode", "COMMIT").param("organisationId", String.valueOf(organisation))
                .param("consentNoticeVersion", String.valueOf(notice)).with(csrf()).with(TestActors.as(MILANO)))
                .andReturn().getResponse();

        assertThat(started.getStatus()).isEqualTo(202);
        long id = json.readTree(started.getContentAsString()).get("job").get("id").asLong();
        assertThat(started.getHeader("Location")).isEqualTo("/api/v1/imports/" + id);
        JsonNode done = poll(id);
        assertThat(done.get("job").get("status").asString()).isEqualTo("REJECTED");
        assertThat(done.get("job").get("rowsRejected").asInt()).isEqualTo(1);
        assertThat(done.get("notes")).singleElement().satisfies(n -> {
            assertThat(n.get("line").asInt()).isEqualTo(3);
            assertThat(n.get("column").asString()).isEqualTo("Sesso");
            assertThat(n.get("messageKey").asString()).isEqualTo("imports.sex.invalid");
        });
        assertThat(jdbc.sql("select count(*) from participant").query(Long.class).single()).isZero();

        MockHttpServletResponse report = mvc.perform(get("/api/v1/imports/" + id + "/report.xlsx")
                .locale(Locale.ENGLISH).with(TestActors.as(MILANO))).andReturn().getResponse();
        assertThat(report.getContentType()).startsWith("application/vnd.openxmlformats");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(report.getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("Rejected");
            assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue())
                    .isEqualTo("Sesso: Sex not recognised: \"Q\" (use F, M or X).");
        }
    }

    @Test
    void refusalsAreProblemsAndOtherNetworksJobsAreNotFound() throws Exception {
        MockHttpServletResponse noConsent = mvc.perform(multipart("/api/v1/imports").file(file("x"))
                .param("mode", "VALIDATE").param("organisationId", String.valueOf(organisation)).with(csrf())
                .with(TestActors.as(MILANO))).andReturn().getResponse();
        assertThat(noConsent.getStatus()).isEqualTo(422);
        assertThat(noConsent.getContentType()).startsWith("application/problem+json");

        long cremascaLead = ParticipantFixtures.leadOrganisation(jdbc, "cremasca");
        MockHttpServletResponse otherOrganisation = mvc.perform(multipart("/api/v1/imports").file(file("x"))
                .param("mode", "VALIDATE").param("organisationId", String.valueOf(cremascaLead))
                .param("consentNoticeVersion", String.valueOf(notice)).with(csrf()).with(TestActors.as(MILANO)))
                .andReturn().getResponse();
        assertThat(otherOrganisation.getStatus()).isEqualTo(422);
        assertThat(json.readTree(otherOrganisation.getContentAsString()).toString())
                .contains("organisationId");
        assertThat(jdbc.sql("select count(*) from imports_job").query(Long.class).single()).isZero();

        MockHttpServletResponse coordinator = mvc.perform(multipart("/api/v1/imports").file(file("x"))
                .param("mode", "VALIDATE").with(csrf()).with(TestActors.as(TestActors.coordinator())))
                .andReturn().getResponse();
        assertThat(coordinator.getStatus()).isEqualTo(403);

        long id = start("VALIDATE", "Ndiaye;Awa;F;12/03/1990;SN;SN;;015146;" + ImportFixtures.day(10) + ";;");
        poll(id);
        MockHttpServletResponse other = mvc.perform(get("/api/v1/imports/" + id)
                .with(TestActors.as(TestActors.operator("cremasca")))).andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(other.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void thePagesUploadShowTheJobAndCommitAValidatedFile() throws Exception {
        String index = page(get("/imports"), Locale.ITALIAN);
        assertThat(index).contains("name=\"consentNoticeVersion\"").contains("/imports/template.xlsx");

        MockHttpServletResponse uploaded = mvc.perform(multipart("/imports").file(file(
                "Ndiaye;Awa;F;12/03/1990;SN;SN;;015146;" + ImportFixtures.day(10) + ";;"))
                .param("organisationId", String.valueOf(organisation)).param("consentNoticeVersion",
                        String.valueOf(notice)).with(csrf()).with(TestActors.as(MILANO))).andReturn().getResponse();
        assertThat(uploaded.getStatus()).isEqualTo(302);
        long id = Long.parseLong(uploaded.getRedirectedUrl().replace("/imports/", ""));
        poll(id);

        for (Locale locale : new Locale[] {Locale.ITALIAN, Locale.ENGLISH}) {
            String job = page(get("/imports/" + id), locale);
            assertThat(job).containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js").doesNotContain("hx-trigger")
                    .contains("/imports/" + id + "/commit");
        }
        assertThat(page(get("/imports/" + id + "/progress"), Locale.ENGLISH)).contains("Checked, no errors")
                .doesNotContain("<html");

        MockHttpServletResponse committed = mvc.perform(post("/imports/" + id + "/commit").with(csrf())
                .with(TestActors.as(MILANO))).andReturn().getResponse();
        long commit = Long.parseLong(committed.getRedirectedUrl().replace("/imports/", ""));
        assertThat(poll(commit).get("job").get("status").asString()).isEqualTo("COMMITTED");
        assertThat(jdbc.sql("select count(*) from participant").query(Long.class).single()).isEqualTo(1);
        assertThat(page(get("/imports"), Locale.ENGLISH)).contains("Saved").contains("Checked, no errors");

        MockHttpServletResponse template = mvc.perform(get("/imports/template.csv").locale(Locale.ENGLISH)
                .with(TestActors.as(MILANO))).andReturn().getResponse();
        assertThat(template.getContentAsString(StandardCharsets.UTF_8)).startsWith("Surname;Given names;Sex;");
    }

    @Test
    void otherKindsOfFileGoThroughTheSameApiAndPagesWithoutConsentOrOrganisation() throws Exception {
        String csv = "ID attività;Data incontro;Codice partecipante;Presente\r\n" + course + ";"
                + ImportFixtures.day(3) + ";0000aaaa;sì\r\n";
        MockHttpServletResponse started = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file",
                "presenze.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("kind", "ATTENDANCE")
                .param("mode", "VALIDATE").with(csrf()).with(TestActors.as(MILANO))).andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(202);
        long id = json.readTree(started.getContentAsString()).get("job").get("id").asLong();
        JsonNode done = poll(id);
        assertThat(done.get("job").get("kind").asString()).isEqualTo("ATTENDANCE");
        assertThat(done.get("job").get("status").asString()).isEqualTo("INVALID");
        assertThat(done.get("notes")).singleElement().satisfies(n -> {
            assertThat(n.get("column").asString()).isEqualTo("Data incontro");
            assertThat(n.get("messageKey").asString()).isEqualTo("imports.session.notInPlan");
        });
        MockHttpServletResponse report = mvc.perform(get("/api/v1/imports/" + id + "/report.xlsx")
                .locale(Locale.ENGLISH).with(TestActors.as(MILANO))).andReturn().getResponse();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(report.getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("Activity ID");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).startsWith("Data incontro: ");
        }

        MockHttpServletResponse uploaded = mvc.perform(multipart("/imports").file(new MockMultipartFile("file",
                "presenze.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("kind", "ATTENDANCE")
                .with(csrf()).with(TestActors.as(MILANO))).andReturn().getResponse();
        assertThat(uploaded.getRedirectedUrl()).matches("/imports/[0-9]+");
        assertThat(page(get(uploaded.getRedirectedUrl()), Locale.ITALIAN)).contains("Presenze (registro)");
        String index = page(get("/imports"), Locale.ENGLISH);
        for (ImportKind kind : ImportKind.values()) {
            assertThat(index).contains("/imports/template.xlsx?kind=" + kind).contains("value=\"" + kind + "\"");
        }
        for (String kind : new String[] {"ATTENDANCE", "ASSESSMENTS", "OUTCOMES", "ACTIVITIES"}) {
            MockHttpServletResponse template = mvc.perform(get("/imports/template.xlsx").param("kind", kind)
                    .locale(Locale.ITALIAN).with(TestActors.as(MILANO))).andReturn().getResponse();
            assertThat(template.getStatus()).isEqualTo(200);
            assertThat(template.getHeader("Content-Disposition")).contains("modello-");
        }
    }

    @Test
    void aRunningJobsPagePollsItsProgress() throws Exception {
        long id = jdbc.sql("""
                insert into imports_job (network_code, username, kind, mode, file_name, file_sha256, file_bytes, status,
                    rows_total, rows_done)
                values ('milano', 'test.operator.milano', 'PARTICIPANTS', 'COMMIT', 'long.xlsx', repeat('a', 64), 10,
                    'RUNNING', 200, 50) returning id""").query(Long.class).single();

        String progress = page(get("/imports/" + id + "/progress"), Locale.ITALIAN);

        assertThat(progress).contains("hx-get=\"/imports/" + id + "/progress\"").contains("hx-trigger=\"every 1s\"")
                .contains("value=\"25\"").contains("Righe lavorate 50 su 200");
    }

    private MockMultipartFile file(String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return new MockMultipartFile("file", "registro.csv", "text/csv", csv(StandardCharsets.UTF_8, lines));
    }

    private long start(String mode, String... rows) throws Exception {
        MockHttpServletResponse r = mvc.perform(multipart("/api/v1/imports").file(file(rows)).param("mode", mode)
                .param("organisationId", String.valueOf(organisation)).param("consentNoticeVersion",
                        String.valueOf(notice)).with(csrf()).with(TestActors.as(MILANO))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(202);
        return json.readTree(r.getContentAsString()).get("job").get("id").asLong();
    }

    private JsonNode poll(long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode body = json.readTree(mvc.perform(get("/api/v1/imports/" + id).with(TestActors.as(MILANO)))
                    .andReturn().getResponse().getContentAsString());
            if (!body.get("job").get("status").asString().equals("RUNNING")) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Locale locale) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.locale(locale).with(TestActors.as(MILANO))).andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        String body = r.getContentAsString();
        assertThat(body).doesNotContain("??");
        return body;
    }
}
