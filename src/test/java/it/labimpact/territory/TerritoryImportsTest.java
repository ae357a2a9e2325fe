package it.labimpact.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import it.labimpact.TestActors;
import it.labimpact.shared.csv.ImportReport;
import it.labimpact.shared.csv.ImportReport.Problem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uploads of ambiti and third-country residents: validated as a whole, applied all or nothing. */
@SpringBootTest
class TerritoryImportsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String AMBITO_HEADER = "Codice ISTAT;Codice ambito;Nome ambito\r\n";
    private static final String TCN_HEADER = "codice_istat;residenti_extra_ue;anno\r\n";

    @Autowired
    TerritoryImports imports;

    @Autowired
    TerritoryCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private long auditBefore;

    @BeforeEach
    void actAsCoordinatorOnUntouchedTerritory() {
        resetTerritory();
        auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        TestActors.actAs(TestActors.coordinator());
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        resetTerritory();
    }

    // --- ambiti: happy path ---

    @Test
    void importsAmbitiFromSemicolonSeparatedWindows1252WithLeadingZerosLostByExcel() {
        byte[] file = cp1252(AMBITO_HEADER
                + "12001;VA-ARC;Ambito di Arcisate\r\n"
                + "013041;CO-CAN;Ambito di Cantù\r\n"
                + "13075;CO-CAN;Ambito di Cantù\r\n"
                + "015146;MI-MIL;Ambito di Milano Città\r\n"
                + ";;\r\n");

        ImportReport report = imports.importAmbiti(file);

        assertThat(report.problems()).isEmpty();
        assertThat(report.committed()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.rowsApplied()).isEqualTo(4);
        assertThat(ambitoOf("012001")).isEqualTo("VA-ARC");
        assertThat(ambitoOf("013041")).isEqualTo("CO-CAN");
        assertThat(ambitoOf("013075")).isEqualTo("CO-CAN");
        assertThat(ambitoOf("015146")).isEqualTo("MI-MIL");
        assertThat(jdbc.sql("select count(*) from territory_comune where ambito_code is not null")
                .query(Long.class).single()).isEqualTo(4L);
        assertThat(ambitoNames()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "VA-ARC", "Ambito di Arcisate", "CO-CAN", "Ambito di Cantù", "MI-MIL", "Ambito di Milano Città"));
        assertThat(catalogue.comune("013041").orElseThrow().ambitoName()).isEqualTo("Ambito di Cantù");
    }

    @Test
    void acceptsCommaSeparatedUtf8WithOtherColumnNames() {
        byte[] file = utf8("\uFEFFistat_code,cod_ambito,denominazione_ambito,note\n015146,MI-MIL,\"Milano, città\",x\n");

        ImportReport report = imports.importAmbiti(file);

        assertThat(report.problems()).isEmpty();
        assertThat(report.committed()).isTrue();
        assertThat(catalogue.comune("015146").orElseThrow().ambitoName()).isEqualTo("Milano, città");
    }

    @Test
    void aCommittedImportWritesOneAuditEventByTheActor() {
        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER + "015146;MI-MIL;Milano\r\n"
                + "017078;BS-GHE;Ghedi\r\n"));

        assertThat(report.committed()).isTrue();
        List<Map<String, Object>> events = newAuditEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("actor", "test.coordinator")
                .containsEntry("action", "territory.ambiti.import");
        assertThat((String) events.get(0).get("details")).contains("\"comuni\": 2").contains("\"ambiti\": 2");
    }

    // --- ambiti: ugly files, exact problems, nothing written ---

    @Test
    void refusesAnAmbitiFileWithoutTheAmbitoNameColumn() {
        ImportReport report = imports.importAmbiti(cp1252("codice_istat;codice_ambito\r\n015146;MI-MIL\r\n"));

        assertRejected(report, new Problem(0, "ambito_name", null, "import.missingColumn",
                List.of("ambito_name", "ambito_name, ambito, nome_ambito, denominazione_ambito")));
        assertThat(report.rowsRead()).isEqualTo(1);
        assertTerritoryUntouched();
    }

    @Test
    void refusesAnAmbitiFileWithoutAnyIstatColumnNamingEveryAlias() {
        ImportReport report = imports.importAmbiti(cp1252("comune;codice_ambito;nome_ambito\r\nMilano;MI;Milano\r\n"));

        assertRejected(report, new Problem(0, "istat_code", null, "import.missingColumn",
                List.of("istat_code", "istat_code, codice_istat, cod_istat, istat, codice_comune")));
        assertTerritoryUntouched();
    }

    @Test
    void refusesTheWholeAmbitiFileWhenOneIstatCodeIsUnknown() {
        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER
                + "015146;MI-MIL;Milano\r\n"
                + "999999;MI-MIL;Milano\r\n"
                + "017078;BS-GHE;Ghedi\r\n"));

        assertRejected(report, new Problem(3, "istat_code", "999999", "import.istat.unknown", List.of("999999")));
        assertThat(report.rowsRead()).isEqualTo(3);
        assertTerritoryUntouched();
    }

    @Test
    void refusesAMalformedIstatCode() {
        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER
                + "015146;MI-MIL;Milano\r\n"
                + "12A;MI-MIL;Milano\r\n"));

        assertRejected(report, new Problem(3, "istat_code", "12A", "import.istat.format", List.of()));
        assertTerritoryUntouched();
    }

    @Test
    void refusesTheSameComuneListedTwiceEvenWhenExcelDroppedTheLeadingZeroOnce() {
        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER
                + "012001;VA-ARC;Arcisate\r\n"
                + "015146;MI-MIL;Milano\r\n"
                + "12001;VA-ARC;Arcisate\r\n"));

        assertRejected(report, new Problem(4, "istat_code", "012001", "import.duplicateComune", List.of("012001")));
        assertTerritoryUntouched();
    }

    @Test
    void refusesOneAmbitoCodeWithTwoNames() {
        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER
                + "019035;CR-CRE;Ambito Cremasco\r\n"
                + "019036;CR-CRE;Ambito di Cremona\r\n"));

        assertRejected(report, new Problem(3, "ambito_name", "Ambito di Cremona", "import.ambito.nameConflict",
                List.of("CR-CRE", "Ambito Cremasco")));
        assertTerritoryUntouched();
    }

    @Test
    void refusesRowsWithAMissingValueNamingLineAndColumn() {
        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER
                + "015146;;Milano\r\n"
                + ";BS-GHE;Ghedi\r\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).containsExactlyInAnyOrder(
                new Problem(2, "ambito_code", null, "import.required", List.of()),
                new Problem(3, "istat_code", null, "import.required", List.of()));
        assertTerritoryUntouched();
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnce() {
        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER
                + "015146;MI-MIL;Milano\r\n"
                + "12A;MI-MIL;Milano\r\n"
                + "999999;MI-MIL;Milano\r\n"
                + "015146;MI-MIL;Milano\r\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).extracting(Problem::line, Problem::messageKey).containsExactly(
                tuple(3, "import.istat.format"),
                tuple(4, "import.istat.unknown"),
                tuple(5, "import.duplicateComune"));
        assertTerritoryUntouched();
    }

    @Test
    void refusesABinaryFile() {
        byte[] xlsx = {'P', 'K', 3, 4, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0, (byte) 0x81, (byte) 0x8D, 'x', 'l', '/'};

        ImportReport report = imports.importAmbiti(xlsx);

        assertRejected(report, new Problem(0, null, null, "csv.error.binary", List.of()));
        assertThat(report.rowsRead()).isZero();
        assertTerritoryUntouched();
    }

    @Test
    void refusesAFileInAnEncodingThatIsNeitherUtf8NorWindows1252() {
        byte[] file = cp1252(AMBITO_HEADER + "015146;MI-MIL;Milano\r\n");
        file[file.length - 3] = (byte) 0x81; // undefined in Windows-1252, invalid in UTF-8

        ImportReport report = imports.importAmbiti(file);

        assertRejected(report, new Problem(0, null, null, "csv.error.encoding", List.of()));
        assertTerritoryUntouched();
    }

    @Test
    void refusesAnEmptyFile() {
        ImportReport report = imports.importAmbiti(new byte[0]);

        assertRejected(report, new Problem(0, null, null, "csv.error.empty", List.of()));
        assertTerritoryUntouched();
    }

    @Test
    void aRejectedImportLeavesThePreviousImportAsItWasAndWritesNoAuditEvent() {
        assertThat(imports.importAmbiti(cp1252(AMBITO_HEADER + "015146;MI-MIL;Milano\r\n")).committed()).isTrue();
        long auditAfterFirst = jdbc.sql("select max(id) from audit_event").query(Long.class).single();

        ImportReport report = imports.importAmbiti(cp1252(AMBITO_HEADER
                + "015146;MI-NEW;Milano nuovo\r\n"
                + "017078;BS-GHE;Ghedi\r\n"
                + "999999;BS-GHE;Ghedi\r\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.rowsApplied()).isZero();
        assertThat(ambitoOf("015146")).isEqualTo("MI-MIL");
        assertThat(ambitoOf("017078")).isNull();
        assertThat(ambitoNames()).containsExactly(Map.entry("MI-MIL", "Milano"));
        assertThat(jdbc.sql("select count(*) from audit_event where id > :id").param("id", auditAfterFirst)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRejectedImportWritesNoAuditEvent() {
        assertThat(imports.importAmbiti(cp1252(AMBITO_HEADER + "999999;X;Y\r\n")).committed()).isFalse();
        assertThat(imports.importTcnResidents(utf8(TCN_HEADER + "015146;-1;2024\r\n")).committed()).isFalse();
        assertThat(imports.importAmbiti(new byte[0]).committed()).isFalse();

        assertThat(newAuditEvents()).isEmpty();
    }

    // --- third-country residents ---

    @Test
    void importsThirdCountryResidentsWrittenWithItalianThousandSeparators() {
        int year = Year.now().getValue() - 1;
        ImportReport report = imports.importTcnResidents(cp1252(TCN_HEADER
                + "015146;1.234;" + year + "\r\n"
                + "17078;856;" + year + "\r\n"
                + "013041;1.234.567;2020\r\n"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.committed()).isTrue();
        assertThat(report.rowsApplied()).isEqualTo(3);
        assertThat(catalogue.comune("015146").orElseThrow()).extracting(Comune::tcnResidents, Comune::tcnYear)
                .containsExactly(1234, year);
        assertThat(catalogue.comune("017078").orElseThrow().tcnResidents()).isEqualTo(856);
        assertThat(catalogue.comune("013041").orElseThrow()).extracting(Comune::tcnResidents, Comune::tcnYear)
                .containsExactly(1_234_567, 2020);
        assertThat(jdbc.sql("select count(*) from territory_comune where tcn_residents is not null")
                .query(Long.class).single()).isEqualTo(3L);
        List<Map<String, Object>> events = newAuditEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("actor", "test.coordinator")
                .containsEntry("action", "territory.tcn.import");
    }

    @Test
    void refusesANegativeNumberOfResidents() {
        ImportReport report = imports.importTcnResidents(utf8(TCN_HEADER
                + "015146;1.234;2024\r\n"
                + "017078;-5;2024\r\n"));

        assertRejected(report, new Problem(3, "tcn_residents", "-5", "import.number.range",
                List.of(0, 10_000_000)));
        assertTerritoryUntouched();
    }

    @Test
    void refusesAYearBefore2000OrInTheFuture() {
        int next = Year.now().getValue() + 1;
        ImportReport report = imports.importTcnResidents(utf8(TCN_HEADER
                + "015146;1234;1999\r\n"
                + "017078;10;" + next + "\r\n"
                + "013041;10;2024\r\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).containsExactly(
                new Problem(2, "year", "1999", "import.number.range", List.of(2000, Year.now().getValue())),
                new Problem(3, "year", String.valueOf(next), "import.number.range",
                        List.of(2000, Year.now().getValue())));
        assertTerritoryUntouched();
    }

    @Test
    void refusesANumberThatIsNotAWholeNumber() {
        ImportReport report = imports.importTcnResidents(utf8(TCN_HEADER
                + "015146;12,5;2024\r\n"
                + "017078;1.23;2024\r\n"
                + "013041;molti;2024\r\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).containsExactly(
                new Problem(2, "tcn_residents", "12,5", "import.number.format", List.of()),
                new Problem(3, "tcn_residents", "1.23", "import.number.format", List.of()),
                new Problem(4, "tcn_residents", "molti", "import.number.format", List.of()));
        assertTerritoryUntouched();
    }

    @Test
    void refusesATcnFileWithoutTheYearColumn() {
        ImportReport report = imports.importTcnResidents(utf8("istat_code;tcn_residents\r\n015146;10\r\n"));

        assertRejected(report, new Problem(0, "year", null, "import.missingColumn", List.of("year", "year, anno")));
        assertTerritoryUntouched();
    }

    @Test
    void refusesTheSameComuneTwiceInATcnFile() {
        ImportReport report = imports.importTcnResidents(utf8(TCN_HEADER
                + "015146;10;2024\r\n"
                + "15146;20;2024\r\n"));

        assertRejected(report, new Problem(3, "istat_code", "015146", "import.duplicateComune", List.of("015146")));
        assertTerritoryUntouched();
    }

    // --- helpers ---

    private static void assertRejected(ImportReport report, Problem expected) {
        assertThat(report.committed()).isFalse();
        assertThat(report.rowsApplied()).isZero();
        assertThat(report.problems()).containsExactly(expected);
    }

    private void assertTerritoryUntouched() {
        assertThat(jdbc.sql("""
                select count(*) from territory_comune
                where ambito_code is not null or tcn_residents is not null or tcn_year is not null""")
                .query(Long.class).single()).as("comuni with an ambito or a TCN figure").isZero();
        assertThat(jdbc.sql("select count(*) from territory_ambito").query(Long.class).single())
                .as("ambiti").isZero();
        assertThat(newAuditEvents()).as("audit events").isEmpty();
    }

    private String ambitoOf(String istatCode) {
        return jdbc.sql("select ambito_code from territory_comune where istat_code = :c").param("c", istatCode)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private Map<String, String> ambitoNames() {
        return jdbc.sql("select code, name from territory_ambito").query((rs, n) -> Map.entry(rs.getString(1),
                rs.getString(2))).list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue));
    }

    private List<Map<String, Object>> newAuditEvents() {
        return jdbc.sql("select actor, action, details::text as details from audit_event where id > :id order by id")
                .param("id", auditBefore).query().listOfRows();
    }

    private void resetTerritory() {
        jdbc.sql("update territory_comune set ambito_code = null, tcn_residents = null, tcn_year = null "
                + "where ambito_code is not null or tcn_residents is not null or tcn_year is not null").update();
        jdbc.sql("delete from territory_ambito").update();
    }

    private static byte[] cp1252(String s) {
        return s.getBytes(WINDOWS_1252);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
