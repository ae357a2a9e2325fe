package it.labimpact.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import it.labimpact.TestActors;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.csv.ImportReport;
import it.labimpact.shared.csv.ImportReport.Problem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Uploads of the comuni a network covers: all or nothing, idempotent, conflicts named row by row. */
@SpringBootTest
class PartnershipImportsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired
    PartnershipImports imports;

    @Autowired
    PartnershipManagement management;

    @Autowired
    Partnership partnership;

    @Autowired
    JdbcClient jdbc;

    private long auditBefore;

    @BeforeEach
    void startFromTheSeededPartnership() {
        PartnershipFixtures.reset(jdbc);
        auditBefore = PartnershipFixtures.lastAuditId(jdbc);
        TestActors.actAs(TestActors.coordinator());
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        PartnershipFixtures.reset(jdbc);
    }

    @Test
    void importsTheComuniOfANetworkFromAnItalianExcelFileWithANameColumnBeside() {
        byte[] file = cp1252("Codice ISTAT;Comune\r\n19035;Crema\r\n019036;Cremona\r\n013041;Cantù\r\n;\r\n");

        ImportReport report = imports.importCoverage("cremasca", file);

        assertThat(report.problems()).isEmpty();
        assertThat(report.committed()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.rowsApplied()).isEqualTo(3);
        assertThat(partnership.comuniCoveredBy("cremasca")).containsExactly("013041", "019035", "019036");
        assertThat(partnership.network("cremasca").orElseThrow().comuni())
                .allSatisfy(c -> assertThat(c.source()).isEqualTo("IMPORT"));
        List<Map<String, Object>> events = PartnershipFixtures.auditSince(jdbc, auditBefore);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("actor", "test.coordinator")
                .containsEntry("action", "partnership.coverage.add").containsEntry("record_id", "cremasca");
        assertThat((String) events.get(0).get("details")).contains("IMPORT");
    }

    @Test
    void oneBadRowMeansNothingIsCovered() {
        byte[] file = utf8("istat_code\n015146\n015002\n12A\n015005\n");

        ImportReport report = imports.importCoverage("milano", file);

        assertThat(report.committed()).isFalse();
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.rowsApplied()).isZero();
        assertThat(report.problems()).containsExactly(
                new Problem(4, "istat_code", "12A", "import.istat.format", List.of()));
        assertThat(partnership.comuniCoveredBy("milano")).isEmpty();
        assertThat(PartnershipFixtures.auditSince(jdbc, auditBefore)).isEmpty();
    }

    @Test
    void anUnknownComuneIsReportedOnItsRowAndNothingIsCovered() {
        ImportReport report = imports.importCoverage("milano", utf8("istat_code\n015146\n999999\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).containsExactly(
                new Problem(3, "istat_code", "999999", "import.istat.unknown", List.of("999999")));
        assertThat(partnership.comuniCoveredBy("milano")).isEmpty();
    }

    @Test
    void uploadingTheSameFileTwiceCoversNothingMoreTheSecondTime() {
        byte[] file = utf8("istat_code;name\n015146;Milano\n015002;Abbiategrasso\n");

        ImportReport first = imports.importCoverage("milano", file);
        ImportReport second = imports.importCoverage("milano", file);

        assertThat(first.committed()).isTrue();
        assertThat(first.rowsApplied()).isEqualTo(2);
        assertThat(second.problems()).isEmpty();
        assertThat(second.committed()).isTrue();
        assertThat(second.rowsRead()).isEqualTo(2);
        assertThat(second.rowsApplied()).isZero();
        assertThat(partnership.comuniCoveredBy("milano")).containsExactly("015002", "015146");
        assertThat(PartnershipFixtures.auditSince(jdbc, auditBefore)).hasSize(1);
    }

    @Test
    void aLongerFileAddsOnlyTheComuniNotCoveredYet() {
        imports.importCoverage("milano", utf8("istat_code\n015146\n"));

        ImportReport report = imports.importCoverage("milano", utf8("istat_code\n015146\n015002\n"));

        assertThat(report.committed()).isTrue();
        assertThat(report.rowsApplied()).isEqualTo(1);
        assertThat(partnership.comuniCoveredBy("milano")).containsExactly("015002", "015146");
    }

    @Test
    void aComuneOfAnotherNetworkIsReportedOnItsRowWithThatNetworksCode() {
        management.cover("cremasca", List.of("019035"), "SCREEN");

        ImportReport report = imports.importCoverage("milano", utf8("istat_code\n015146\n19035\n015002\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).containsExactly(
                new Problem(3, "istat_code", "019035", "coverage.conflict.row", List.of("cremasca")));
        assertThat(partnership.comuniCoveredBy("milano")).isEmpty();
        assertThat(partnership.comuniCoveredBy("cremasca")).containsExactly("019035");
    }

    @Test
    void aDuplicateRowIsReportedWithTheLineOfItsFirstOccurrence() {
        ImportReport report = imports.importCoverage("milano", utf8("istat_code\n015146\n015002\n15146\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).containsExactly(
                new Problem(4, "istat_code", "15146", "import.duplicateRow", List.of(2)));
        assertThat(partnership.comuniCoveredBy("milano")).isEmpty();
    }

    @Test
    void problemsAreListedInTheOrderOfTheLinesOfTheFile() {
        management.cover("cremasca", List.of("019035"), "SCREEN");

        ImportReport report = imports.importCoverage("milano",
                utf8("istat_code\n999999\n019035\n015146\n015146\n12A\n"));

        assertThat(report.problems()).extracting(Problem::line, Problem::messageKey).containsExactly(
                tuple(2, "import.istat.unknown"),
                tuple(3, "coverage.conflict.row"),
                tuple(5, "import.duplicateRow"),
                tuple(6, "import.istat.format"));
    }

    @Test
    void aFileWithoutAnIstatColumnIsRefused() {
        ImportReport report = imports.importCoverage("milano", utf8("comune\nMilano\n"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).containsExactly(new Problem(0, "istat_code", null, "import.missingColumn",
                List.of("istat_code", "istat_code, codice_istat, cod_istat, istat, codice_comune")));
    }

    @Test
    void aFileThatIsNotCsvIsRefused() {
        ImportReport binary = imports.importCoverage("milano", new byte[] {'P', 'K', 3, 4, 0, 0, (byte) 0x81});
        ImportReport empty = imports.importCoverage("milano", new byte[0]);

        assertThat(binary.problems()).containsExactly(new Problem(0, null, null, "csv.error.binary", List.of()));
        assertThat(empty.problems()).containsExactly(new Problem(0, null, null, "csv.error.empty", List.of()));
        assertThat(partnership.comuniCoveredBy("milano")).isEmpty();
    }

    @Test
    void aLeadImportsForTheirOwnNetworkOnly() {
        TestActors.actAs(TestActors.lead("milano"));

        assertThatThrownBy(() -> imports.importCoverage("cremasca", utf8("istat_code\n019035\n")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.importCoverage("nope", utf8("istat_code\n019035\n")))
                .isInstanceOf(RecordNotFoundException.class);
        ImportReport own = imports.importCoverage("milano", utf8("istat_code\n015146\n"));

        assertThat(own.committed()).isTrue();
        assertThat(partnership.comuniCoveredBy("cremasca")).isEmpty();
        assertThat(partnership.comuniCoveredBy("milano")).containsExactly("015146");
        assertThat(PartnershipFixtures.auditSince(jdbc, auditBefore)).extracting(r -> r.get("actor"))
                .containsExactly("test.lead.milano");
    }

    private static byte[] cp1252(String s) {
        return s.getBytes(WINDOWS_1252);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
