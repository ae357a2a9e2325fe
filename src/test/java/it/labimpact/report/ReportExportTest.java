package it.labimpact.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.IndicatorFixtures;
import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.indicator.Cell;
import it.labimpact.indicator.CountingRule;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.shared.Actor;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * The exports end to end, on data built through the modules' facades and opened again: the indicator table (POI,
 * commons-csv), the periodic PDF (PDFBox), the fund's annual workbook, the open data (no small cell) and its
 * DCAT-AP_IT catalogue, and who may fetch what.
 *
 * <pre>
 * Q2 2025: a language course in Milano attended by 7 persons (6 women, 1 man), one in Crema by 2 women.
 *   AMIF-O3 project 9, Milano 7, Cremasca 2 (small: hidden, and Milano with it — the two networks share a total);
 *   by sex: F 8, M 1 (small: hidden, and F with it, or 9 - 8 gives it away); all Moroccan: MA 9.
 *   Target for the project: 20 → 45%.
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExportTest {

    private static final String M = "milano";
    private static final String C = "cremasca";
    private static final String MARKER = "n.d. (riservato)";

    @Autowired MockMvc mvc;
    @Autowired Indicators indicators;
    @Autowired ActivityManagement activities;
    @Autowired ParticipantRegistry registry;
    @Autowired Enrolments enrolments;
    @Autowired JdbcClient jdbc;
    @Autowired it.labimpact.indicator.Approvals approvals;
    @Autowired ReportNotes notes;

    @BeforeAll
    void buildTheDataset() {
        clean();
        long lm = activity(M, "015146");
        long lc = activity(C, "019035");
        long s1 = session(lm);
        long t1 = session(lc);
        List<UUID> milano = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            milano.add(register(M, "Milano" + (char) ('A' + i), i == 0 ? Sex.M : Sex.F));
        }
        List<UUID> crema = List.of(register(C, "CremaA", Sex.F), register(C, "CremaB", Sex.F));
        attend(M, lm, s1, milano);
        attend(C, lc, t1, crema);
        jdbc.sql("""
                insert into indicator_target (indicator_code, network_code, period_code, target, set_by)
                values ('AMIF-O3', null, '2025-Q2', 20, 'test')""").update();
    }

    @AfterAll
    void clean() {
        jdbc.sql("delete from report_note").update();
        jdbc.sql("delete from indicator_target").update();
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant_match_review",
                "participant_near_key", "participant_identity", "participant_vault", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void theIndicatorWorkbookHasNumbersTargetsAndTheSuppressionMarker() throws Exception {
        byte[] xlsx = fetch(it("/reports/indicators?period=2025-Q2&format=xlsx"), TestActors.coordinator());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).startsWith("Codice", "Indicatore", "Unità", "Disaggregazione",
                    "Chiave", "Descrizione", "Valore", "Obiettivo");
            Row total = rowOf(sheet, "AMIF-O3", "Totale");
            assertThat(total.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(9.0);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(20.0);
            assertThat(total.getCell(9).getNumericCellValue()).isEqualTo(45.0);
            Row cremasca = rowOf(sheet, "AMIF-O3", "Rete", C);
            assertThat(cremasca.getCell(5).getStringCellValue()).isEqualTo("Rete Cremasca");
            assertThat(cremasca.getCell(6).getStringCellValue()).as("2 persons: hidden").isEqualTo(MARKER);
            assertThat(rowOf(sheet, "AMIF-O3", "Provincia", "015").getCell(5).getStringCellValue()).isEqualTo("Milano");
            assertThat(rowOf(sheet, "AMIF-O3", "Cittadinanza", "MA").getCell(5).getStringCellValue())
                    .isEqualTo("Marocco");
            assertThat(rowOf(sheet, "AMIF-O3", "Rete", M).getCell(6).getStringCellValue())
                    .as("hidden too, or Cremasca's 2 = 9 - 7").isEqualTo(MARKER);
            assertThat(allText(sheet)).anyMatch(t -> t.contains(MARKER + "» = dato riservato"));
        }
    }

    @Test
    void theIndicatorCsvHasABomAndTheSemicolonWhenAsked() throws Exception {
        byte[] csv = fetch(it("/reports/indicators?period=2025-Q2&format=csv&sep=;"), TestActors.coordinator());
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records.get(0).get(0)).isEqualTo("Codice");
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("AMIF-O3");
            assertThat(r.get(3)).isEqualTo("Totale");
            assertThat(r.get(6)).isEqualTo("9");
            assertThat(r.get(9)).isEqualTo("45");
        });
        byte[] english = fetch(it("/reports/indicators?period=2025-Q2&format=csv").locale(Locale.ENGLISH),
                TestActors.coordinator());
        List<CSVRecord> comma = CSVFormat.DEFAULT.parse(new StringReader(
                new String(english, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(comma.get(0).values()).as("comma by default in English").startsWith("Code", "Indicator");
    }

    @Test
    void thePeriodicPdfCarriesTheCoverTheIndicatorsAndTheNotes() throws Exception {
        Actor lead = TestActors.lead(M);
        mvc.perform(post("/reports/periodic/notes").with(csrf()).with(TestActors.as(lead)).param("period", "2025-Q2")
                .param("network", M).param("text", "Attività regolari; più iscritti del previsto."));
        assertThat(jdbc.sql("select text from report_note where network_code = 'milano'").query(String.class)
                .single()).startsWith("Attività regolari");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'report.note.saved' and actor = :actor
                and record_id = '2025-Q2/milano'""").param("actor", lead.username()).query(Long.class).single())
                .as("audited").isEqualTo(1);

        byte[] pdf = fetch(it("/reports/periodic.pdf?period=2025-Q2&network=milano"), lead);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Relazione periodica – 2° trimestre 2025");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("it");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged for screen readers").isNotNull();
            assertThat(document.getPage(0).getResources().getFontNames()).allSatisfy(name -> assertThat(
                    document.getPage(0).getResources().getFont(name).isEmbedded()).isTrue());
        }
        String text = pdfText(pdf);
        assertThat(text).contains("Relazione periodica").contains("2° trimestre 2025").contains("Regione Lombardia")
                .contains("FAMI").contains("Partecipanti ad attività di supporto").contains("Dati provvisori")
                .contains("Attività regolari; più iscritti del previsto.").contains("Milano");

        String project = pdfText(fetch(it("/reports/periodic.pdf?period=2025-Q2"), TestActors.coordinator()));
        assertThat(project).contains("Tutto il progetto").contains("45% dell'obiettivo")
                .contains("Partecipanti ad attività di supporto, per rete");
    }

    @Test
    void aNoteChangedMeanwhileIsNotOverwritten() throws Exception {
        Actor coordinator = TestActors.coordinator();
        mvc.perform(post("/reports/periodic/notes").with(csrf()).with(TestActors.as(coordinator))
                .param("period", "2025-Q3").param("network", C).param("text", "Prima"));
        MockHttpServletResponse stale = mvc.perform(post("/reports/periodic/notes").with(csrf())
                .with(TestActors.as(TestActors.lead(C))).param("period", "2025-Q3").param("network", C)
                .param("text", "Seconda")).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select text from report_note where network_code = 'cremasca' and period_code = '2025-Q3'")
                .query(String.class).single()).isEqualTo("Prima");
        MockHttpServletResponse other = mvc.perform(post("/reports/periodic/notes").with(csrf())
                .with(TestActors.as(TestActors.lead(M))).param("period", "2025-Q3").param("network", C)
                .param("text", "Non mia")).andReturn().getResponse();
        assertThat(other.getStatus()).as("a lead writes only their network's note").isEqualTo(404);
    }

    @Test
    void theNoteOfAnApprovedQuarterIsPartOfWhatWasHandedIn() {
        try {
            var submitted = TestActors.call(TestActors.lead(C), () -> approvals.submit(C, "2025-Q3", null, null));
            TestActors.run(TestActors.coordinator(), () -> approvals.approve(C, "2025-Q3", submitted.version()));
            TestActors.run(TestActors.coordinator(), () -> {
                assertThatThrownBy(() -> notes.save(Period.quarter(2025, 3), C, "Troppo tardi", null))
                        .isInstanceOf(it.labimpact.shared.PeriodLockedException.class);
                notes.save(Period.quarter(2025, 3), M, "Milano è aperta", null);
                notes.save(Period.year(2025), C, "L'anno resta commentabile", null);
            });
            assertThat(jdbc.sql("select network_code || '/' || period_code from report_note order by 1")
                    .query(String.class).list()).containsExactly("cremasca/2025", "milano/2025-Q3");
        } finally {
            for (String table : List.of("report_note", "indicator_snapshot", "indicator_submission_step",
                    "indicator_submission")) {
                jdbc.sql("delete from " + table).update();
            }
        }
    }

    @Test
    void theAnnualWorkbookHoldsTheFundIndicatorsWithTheirBreakdowns() throws Exception {
        byte[] xlsx = fetch(it("/reports/annual.xlsx?year=2025"), TestActors.coordinator());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet summary = workbook.getSheetAt(0);
            Set<String> codes = new java.util.HashSet<>();
            for (int r = 1; r <= summary.getLastRowNum(); r++) {
                Row row = summary.getRow(r);
                if (row != null && row.getCell(1) != null && row.getCell(1).getStringCellValue().startsWith("Reg.")) {
                    codes.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(codes).contains("AMIF-O3", "AMIF-R8").allMatch(c -> c.startsWith("AMIF-"));
            Sheet breakdowns = workbook.getSheetAt(1);
            assertThat(rowOf(breakdowns, "AMIF-O3", "Totale").getCell(5).getNumericCellValue()).isEqualTo(9.0);
            assertThat(rowOf(breakdowns, "AMIF-O3", "Sesso", "M").getCell(5).getStringCellValue()).isEqualTo(MARKER);
            assertThat(rowOf(breakdowns, "AMIF-O3", "Sesso", "F").getCell(5).getStringCellValue())
                    .as("hidden too, or 9 - 8 gives the one man").isEqualTo(MARKER);
            assertThat(rowOf(breakdowns, "AMIF-O3", "Sesso", "F").getCell(4).getStringCellValue()).isEqualTo("donne");
            assertThat(rowOf(breakdowns, "AMIF-O3", "Cittadinanza", "MA").getCell(5).getNumericCellValue())
                    .isEqualTo(9.0);
        }
    }

    @Test
    void openDataHasNoSmallCell() throws Exception {
        IndicatorResult raw = asCoordinator(() -> indicators.compute(Period.year(2025), null));
        Set<String> persons = indicators.catalogue().stream().filter(d -> d.rule() == CountingRule.PERSONS)
                .map(IndicatorDefinition::code).collect(Collectors.toSet());
        assertThat(raw.cells()).as("the data has small cells to hide").anyMatch(c -> persons.contains(c.indicator())
                && c.value().signum() > 0 && c.value().compareTo(BigDecimal.valueOf(5)) < 0);

        MockHttpServletResponse r = mvc.perform(get("/open-data/lab-impact-indicators-2025.csv")).andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        byte[] csv = r.getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(OpenData.COLUMNS);
        assertThat(records).hasSize(raw.cells().size());
        assertThat(records).anyMatch(c -> c.get("suppressed").equals("true") && c.get("value").isEmpty());
        for (CSVRecord row : records) {
            if (persons.contains(row.get("indicator")) && row.get("suppressed").equals("false")) {
                BigDecimal value = new BigDecimal(row.get("value"));
                assertThat(value.signum() == 0 || value.compareTo(BigDecimal.valueOf(5)) >= 0)
                        .as("no small cell: %s", row).isTrue();
            }
        }
        assertThat(records).anySatisfy(c -> {
            assertThat(c.get("indicator")).isEqualTo("AMIF-O3");
            assertThat(c.get("network")).isEmpty();
            assertThat(c.get("dimension")).isEmpty();
            assertThat(c.get("value")).isEqualTo("9");
        });
    }

    @Test
    void theCatalogueIsDcatApItJsonLd() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/open-data/catalog.jsonld")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/ld+json");
        JsonNode catalog = JsonMapper.builder().build().readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(catalog.get("@context").get("dcatapit").asString()).isEqualTo("http://dati.gov.it/onto/dcatapit#");
        assertThat(types(catalog)).contains("dcat:Catalog");
        JsonNode datasets = catalog.get("dcat:dataset");
        assertThat(datasets.size()).isGreaterThanOrEqualTo(2);
        JsonNode d = null;
        for (JsonNode candidate : datasets) {
            if (candidate.get("dct:identifier").asString().endsWith("lab-impact-indicators-2025")) {
                d = candidate;
            }
        }
        assertThat(d).isNotNull();
        assertThat(types(d)).contains("dcat:Dataset");
        assertThat(d.get("dct:identifier").asString()).isEqualTo("r_lombar:lab-impact-indicators-2025");
        assertThat(languages(d.get("dct:title"))).containsExactly("it", "en");
        assertThat(languages(d.get("dct:description"))).containsExactly("it", "en");
        assertThat(d.get("dct:publisher").get("foaf:name").asString()).isEqualTo("Regione Lombardia");
        assertThat(d.get("dct:publisher").get("dct:identifier").asString()).isEqualTo("r_lombar");
        assertThat(d.get("dcatapit:rightsHolder").get("dct:identifier").asString()).isEqualTo("r_lombar");
        assertThat(d.get("dct:issued").get("@value").asString()).isEqualTo("2025-01-01");
        assertThat(d.get("dct:modified").get("@type").asString()).isEqualTo("xsd:date");
        assertThat(d.get("dct:temporal").get("dcat:startDate").get("@value").asString()).isEqualTo("2025-01-01");
        assertThat(d.get("dct:temporal").get("dcat:endDate").get("@value").asString()).isEqualTo("2025-12-31");
        assertThat(d.get("dct:spatial").get("locn:geographicName").asString()).isEqualTo("Lombardia");
        assertThat(d.get("dcat:theme").get("@id").asString())
                .isEqualTo("http://publications.europa.eu/resource/authority/data-theme/SOCI");
        assertThat(d.get("dct:accrualPeriodicity").get("@id").asString()).endsWith("/frequency/QUARTERLY");
        JsonNode distribution = d.get("dcat:distribution").get(0);
        assertThat(distribution.get("dcat:downloadURL").get("@id").asString())
                .endsWith("/open-data/lab-impact-indicators-2025.csv");
        assertThat(distribution.get("dcat:accessURL").get("@id").asString()).endsWith("/open-data");
        assertThat(distribution.get("dct:format").get("@id").asString()).endsWith("/file-type/CSV");
        assertThat(distribution.get("dcat:mediaType").get("@id").asString()).endsWith("text/csv");
        assertThat(distribution.get("dct:license").get("@id").asString())
                .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        String download = distribution.get("dcat:downloadURL").get("@id").asString();
        assertThat(mvc.perform(get(download.substring(download.indexOf("/open-data")))).andReturn().getResponse()
                .getStatus()).as("the download address works").isEqualTo(200);
    }

    @Test
    void visitorsGetOpenDataButNoReport() throws Exception {
        assertThat(mvc.perform(get("/open-data")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/open-data/lab-impact-indicators-ptd.csv")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        for (String page : List.of("/reports", "/reports/indicators?period=2025-Q2", "/reports/periodic.pdf",
                "/reports/annual.xlsx?year=2025")) {
            MockHttpServletResponse r = mvc.perform(get(page)).andReturn().getResponse();
            assertThat(r.getStatus()).as(page).isIn(302, 401);
            assertThat(r.getContentAsByteArray()).as(page).hasSizeLessThan(2000);
        }
    }

    @Test
    void aLeadExportsOnlyTheirOwnNetwork() throws Exception {
        Actor lead = TestActors.lead(M);
        assertThat(status(it("/reports/indicators?period=2025-Q2&network=cremasca&format=csv"), lead)).isEqualTo(404);
        assertThat(status(it("/reports/periodic.pdf?period=2025-Q2&network=cremasca"), lead)).isEqualTo(404);
        assertThat(status(it("/reports/periodic?period=2025-Q2&network=cremasca"), lead)).isEqualTo(404);
        assertThat(status(it("/reports/annual.xlsx?year=2025"), lead)).as("the fund's report is the project's")
                .isEqualTo(404);
        assertThat(status(it("/reports"), TestActors.operator(M))).isEqualTo(403);
        assertThat(status(it("/reports/indicators?period=2025-Q2&network=cremasca&format=csv"),
                TestActors.evaluator())).as("project-wide roles read any network").isEqualTo(200);

        byte[] own = fetch(it("/reports/indicators?period=2025-Q2&format=csv&sep=,"), lead);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(
                new String(own, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("AMIF-O3");
            assertThat(r.get(3)).isEqualTo("Totale");
            assertThat(r.get(6)).as("no network asked: the lead's own").isEqualTo("7");
        });
        assertThat(records.get(records.size() - 4).get(0)).contains("Milano");
    }

    @Test
    void aBadPeriodOrFormatIsABadRequest() throws Exception {
        assertThat(status(it("/reports/indicators?period=2025-Q9"), TestActors.coordinator())).isEqualTo(400);
        assertThat(status(it("/reports/indicators?period=2025&format=pdf"), TestActors.coordinator()))
                .isEqualTo(400);
        assertThat(status(get("/open-data/nothing.csv"), null)).isEqualTo(404);
    }

    // --- helpers ---

    private static MockHttpServletRequestBuilder it(String url) {
        return get(url).locale(Locale.ITALIAN);
    }

    private byte[] fetch(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(r.getHeader("Content-Disposition")).startsWith("attachment");
        return r.getContentAsByteArray();
    }

    private int status(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(actor == null ? request : request.with(TestActors.as(actor))).andReturn().getResponse()
                .getStatus();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
        return texts;
    }

    private static List<String> allText(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> texts.addAll(texts(row)));
        return texts;
    }

    /** The row whose first cell is {@code code} and whose dimension (and key) match, in either sheet layout. */
    private static Row rowOf(Sheet sheet, String code, String dimension, String... key) {
        int dimensionColumn = -1;
        for (org.apache.poi.ss.usermodel.Cell c : sheet.getRow(0)) {
            if (c.getStringCellValue().equals("Disaggregazione")) {
                dimensionColumn = c.getColumnIndex();
            }
        }
        for (Row row : sheet) {
            if (row.getRowNum() == 0 || row.getCell(0) == null || row.getCell(dimensionColumn) == null) {
                continue;
            }
            boolean keyMatches = key.length == 0 || (row.getCell(dimensionColumn + 1) != null
                    && key[0].equals(row.getCell(dimensionColumn + 1).getStringCellValue()));
            if (code.equals(row.getCell(0).getStringCellValue())
                    && dimension.equals(row.getCell(dimensionColumn).getStringCellValue()) && keyMatches) {
                return row;
            }
        }
        throw new AssertionError("No row " + code + " " + dimension + " " + String.join(",", key));
    }

    private static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        node.get("@type").forEach(t -> types.add(t.asString()));
        return types;
    }

    private static List<String> languages(JsonNode texts) {
        List<String> languages = new ArrayList<>();
        texts.forEach(t -> languages.add(t.get("@language").asString()));
        return languages;
    }

    private <T> T asCoordinator(java.util.function.Supplier<T> action) {
        return TestActors.call(TestActors.coordinator(), action);
    }

    private long activity(String network, String comune) {
        return data().activity("Corso di italiano – report", network, "ITALIAN_L2", comune, "2025-04-01", "2025-06-30",
                List.of());
    }

    private long session(long activity) {
        return data().session(activity, "2025-04-07");
    }

    private UUID register(String network, String name, Sex sex) {
        return data().register(network, new ParticipantData("Report", name, sex, LocalDate.parse("1990-03-02"), "MA",
                "MA", null, "015146", LocalDate.parse("2025-03-01"), null, null, List.of(), null, null));
    }

    private void attend(String network, long activity, long session, List<UUID> people) {
        data().attend(network, activity, session, people, "2025-04-01");
    }

    private IndicatorFixtures data() {
        return new IndicatorFixtures(activities, registry, enrolments, jdbc);
    }
}
