package it.labimpact.indicator;

import static it.labimpact.indicator.ApprovalFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.ImportReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Targets and baselines: set and cleared one at a time (coordination only, optimistic locking, audited), and uploaded
 * from XLSX or CSV all or nothing, with a report row by row that names every mistake while nothing changes.
 */
@SpringBootTest
class TargetsTest {

    static final String O3 = "AMIF-O3";
    static final String[] IT = {"indicatore", "rete", "periodo", "obiettivo", "baseline"};

    @Autowired Targets targets;
    @Autowired Indicators indicators;
    @Autowired JdbcClient jdbc;

    final Actor coordinator = TestActors.coordinator();

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ApprovalFixtures.reset(jdbc);
    }

    @Test
    void theCoordinationSetsChangesAndClearsATargetWithTheVersionRead() {
        long before = ApprovalFixtures.lastAuditId(jdbc);
        Target set = as(coordinator, () -> targets.set(O3, null, "2026", new BigDecimal("100"), new BigDecimal("10"),
                null));
        assertThat(set.network()).isNull();
        assertThat(set.target()).isEqualByComparingTo("100");
        Target milano = as(coordinator, () -> targets.setAsTyped(O3.toLowerCase(), "milano", "2026-q3", "12,5", "",
                null));
        assertThat(milano.indicator()).isEqualTo(O3);
        assertThat(milano.periodCode()).isEqualTo("2026-Q3");
        assertThat(milano.target()).isEqualByComparingTo("12.5");
        assertThat(milano.baseline()).isNull();

        assertThatThrownBy(() -> as(coordinator, () -> targets.set(O3, null, "2026", BigDecimal.ONE, null, null)))
                .isInstanceOf(ConcurrentEditException.class);
        Target changed = as(coordinator, () -> targets.set(O3, null, "2026", new BigDecimal("120"), null,
                set.version()));
        assertThat(changed.version()).isEqualTo(set.version() + 1);
        assertThatThrownBy(() -> as(coordinator, () -> targets.set(O3, null, "2026", BigDecimal.TEN, null,
                set.version()))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> as(coordinator, () -> {
            targets.clear(O3, null, "2026", set.version());
            return null;
        })).isInstanceOf(ConcurrentEditException.class);
        as(coordinator, () -> {
            targets.clear(O3, null, "2026", changed.version());
            return null;
        });
        assertThat(as(coordinator, () -> targets.forPeriod(indicators.period("2026"), null))).isEmpty();
        assertThat(ApprovalFixtures.actionsSince(jdbc, before)).containsExactly("indicator.target.set",
                "indicator.target.set", "indicator.target.set", "indicator.target.clear");
    }

    @Test
    void refusesWhatCannotBeATarget() {
        assertRefused(() -> targets.set("NOPE", null, "2026", BigDecimal.ONE, null, null), "indicator",
                "target.indicator.unknown");
        assertRefused(() -> targets.set(O3, "atlantide", "2026", BigDecimal.ONE, null, null), "network",
                "target.network.unknown");
        assertRefused(() -> targets.set(O3, null, "2026-Q7", BigDecimal.ONE, null, null), "period",
                "indicator.period.unknown");
        assertRefused(() -> targets.set(O3, null, "2026", new BigDecimal("-1"), null, null), "target",
                "target.number.negative");
        assertRefused(() -> targets.set(O3, null, "2026", null, new BigDecimal("1.234"), null), "baseline",
                "target.number.decimals");
        assertRefused(() -> targets.set(O3, null, "2026", null, null, null), "target", "target.empty");
        assertRefused(() -> targets.setAsTyped(O3, null, "2026", "dieci", null, null), "target",
                "target.number.format");
        assertThatThrownBy(() -> as(TestActors.lead("milano"), () -> targets.set(O3, "milano", "2026",
                BigDecimal.ONE, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestActors.evaluator(), () -> targets.upload(csv("indicator;period;target\n"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count()).isZero();
    }

    @Test
    void uploadsAnXlsxWithItalianHeadersAllAtOnceAndTheSameFileTwiceChangesNothing() throws IOException {
        byte[] file = xlsx(IT, new Object[][] {
                {O3, "", "2026", 100, 10},
                {O3, "Milano", "2026-Q3", "12,5", null},
                {"amif-o3", "cremasca", "PTD", 1500.75, 0}});
        ImportReport report = as(coordinator, () -> targets.upload(file));
        assertThat(report.problems()).isEmpty();
        assertThat(report.committed()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.rowsApplied()).isEqualTo(3);
        assertThat(value(O3, null, "2026")).containsEntry("target", new BigDecimal("100.00"))
                .containsEntry("baseline", new BigDecimal("10.00"));
        assertThat(value(O3, "milano", "2026-Q3")).containsEntry("target", new BigDecimal("12.50"))
                .containsEntry("baseline", null);
        assertThat(value(O3, "cremasca", "PTD")).containsEntry("target", new BigDecimal("1500.75"));

        ImportReport twice = as(coordinator, () -> targets.upload(file));
        assertThat(twice.committed()).isTrue();
        assertThat(twice.rowsApplied()).isZero();
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void uploadsASemicolonCsvWithEnglishHeadersAndADecimalComma() {
        byte[] file = csv("\uFEFFIndicator;Network;Period;Target;Baseline\r\n"
                + "AMIF-O3;milano;2026-Q3;1.234,5;3\r\n"
                + "AMIF-O3;;2026;\"2,25\";\r\n");
        ImportReport report = as(coordinator, () -> targets.upload(file));
        assertThat(report.problems()).isEmpty();
        assertThat(report.rowsApplied()).isEqualTo(2);
        assertThat(value(O3, "milano", "2026-Q3")).containsEntry("target", new BigDecimal("1234.50"))
                .containsEntry("baseline", new BigDecimal("3.00"));
        assertThat(value(O3, null, "2026")).containsEntry("target", new BigDecimal("2.25"));
    }

    @Test
    void anUnknownIndicatorRefusesTheWholeFile() throws IOException {
        assertRejected(xlsx(IT, new Object[][] {{O3, "", "2026", 60, null}, {"AMIF-X9", "", "2026", 1, null}}),
                3, "indicatore", "AMIF-X9", "target.indicator.unknown");
    }

    @Test
    void anUnknownNetworkRefusesTheWholeFile() throws IOException {
        assertRejected(xlsx(IT, new Object[][] {{O3, "", "2026", 60, null}, {O3, "atlantide", "2026", 1, null}}),
                3, "rete", "atlantide", "target.network.unknown");
    }

    @Test
    void aBadPeriodRefusesTheWholeFile() {
        assertRejected(csv("indicatore;rete;periodo;obiettivo\nAMIF-O3;;2026;60\nAMIF-O3;milano;Q3 2026;1\n"),
                3, "periodo", "Q3 2026", "indicator.period.unknown");
    }

    @Test
    void aNegativeNumberRefusesTheWholeFile() {
        assertRejected(csv("indicator,network,period,target,baseline\nAMIF-O3,,2026,60,\nAMIF-O3,milano,2026,,-3\n"),
                3, "baseline", "-3", "target.number.negative");
    }

    @Test
    void aDuplicateRowRefusesTheWholeFile() throws IOException {
        ImportReport report = assertRejected(xlsx(IT, new Object[][] {
                {O3, "", "2026", 60, null}, {O3, "milano", "2026", 1, null}, {O3, "MILANO", "2026", 2, null}}),
                4, "indicatore", O3, "target.import.duplicate");
        assertThat(report.problems().get(0).args()).containsExactly(3);
    }

    @Test
    void aDamagedSpreadsheetIsRefusedAsAWhole() throws IOException {
        byte[] good = xlsx(IT, new Object[][] {{O3, "", "2026", 60, null}});
        byte[] damaged = java.util.Arrays.copyOf(good, good.length / 2);
        assertRejected(damaged, 0, null, null, "target.import.unreadable");
        assertRejected(csv("indicatore;rete\nAMIF-O3;milano\n"), 0, "periodo", null, "import.missingColumn");
    }

    @Test
    void theTemplateListsTheCodesOffersDropDownsAndUploadsBackUnchanged() throws IOException {
        as(coordinator, () -> targets.set(O3, "milano", "2026", new BigDecimal("7.5"), null, null));
        byte[] template = as(coordinator, () -> targets.template(indicators.period("2026"), Locale.ITALIAN));
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("Obiettivi");
            assertThat(cells(sheet.getRow(0))).containsExactly(IT);
            assertThat(cells(sheet.getRow(1))).containsExactly(O3, "milano", "2026", "7.5");
            assertThat(sheet.getDataValidations()).hasSize(2);
            Sheet codes = workbook.getSheet("Codici");
            List<String> indicatorCodes = new java.util.ArrayList<>();
            List<String> networkCodes = new java.util.ArrayList<>();
            for (int r = 1; r <= codes.getLastRowNum(); r++) {
                Row row = codes.getRow(r);
                if (row.getCell(0) != null) {
                    indicatorCodes.add(row.getCell(0).getStringCellValue());
                }
                if (row.getCell(3) != null) {
                    networkCodes.add(row.getCell(3).getStringCellValue());
                }
            }
            assertThat(indicatorCodes).containsExactlyElementsOf(
                    indicators.catalogue().stream().map(IndicatorDefinition::code).toList());
            assertThat(networkCodes).hasSize(13).contains("milano", "cremasca");
        }
        ImportReport back = as(coordinator, () -> targets.upload(template));
        assertThat(back.committed()).isTrue();
        assertThat(back.rowsApplied()).isZero();
    }

    // --- helpers ---

    private ImportReport assertRejected(byte[] file, int line, String column, String value, String key) {
        ApprovalFixtures.reset(jdbc);
        as(coordinator, () -> targets.set(O3, null, "2026", new BigDecimal("50"), null, null));
        ImportReport report = as(coordinator, () -> targets.upload(file));
        assertThat(report.committed()).isFalse();
        assertThat(report.rowsApplied()).isZero();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.value()).isEqualTo(value);
            assertThat(p.messageKey()).isEqualTo(key);
        });
        assertThat(count()).as("nothing added").isEqualTo(1);
        assertThat(value(O3, null, "2026")).as("nothing changed").containsEntry("target", new BigDecimal("50.00"));
        return report;
    }

    private void assertRefused(Runnable action, String field, String key) {
        assertThatThrownBy(() -> as(coordinator, () -> {
            action.run();
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    private long count() {
        return jdbc.sql("select count(*) from indicator_target").query(Long.class).single();
    }

    private Map<String, Object> value(String indicator, String network, String period) {
        return jdbc.sql("""
                        select target, baseline from indicator_target where indicator_code = :i and period_code = :p
                          and coalesce(network_code, '') = coalesce(cast(:n as text), '')""")
                .param("i", indicator).param("n", network).param("p", period).query().singleRow();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String[] headers, Object[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Foglio1");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> cells(Row row) {
        List<String> values = new java.util.ArrayList<>();
        row.forEach(c -> values.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString()
                : c.getStringCellValue()));
        return values;
    }
}
