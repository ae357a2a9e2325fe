package it.labimpact.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The CSV and XLSX writers, read back with commons-csv and POI. */
class TableExportTest {

    private final Table table = Table.named("Indicatori", "Indicatore", "Valore", "Data", "Nota")
            .row("Partecipanti ad attività", new BigDecimal("12"), LocalDate.of(2026, 3, 31), "=HYPERLINK(\"x\")")
            .row("Quota", new BigDecimal("0.25"), null, "+39 333")
            .row("Saldo", -3, null, "@SUM(A1)")
            .row("Testo; con \"virgolette\"", 1234567L, null, "-2+3")
            .note("n.d. = dato riservato")
            .build();

    @Test
    void csvHasABomAndRoundTripsWithTheSemicolon() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.csv(table, ';', out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text))
                .getRecords();
        assertThat(records.get(0).values()).containsExactly("Indicatore", "Valore", "Data", "Nota");
        assertThat(records.get(1).values()).containsExactly("Partecipanti ad attività", "12", "2026-03-31",
                "'=HYPERLINK(\"x\")");
        assertThat(records.get(2).get(1)).as("decimal comma with ;").isEqualTo("0,25");
        assertThat(records.get(2).get(3)).isEqualTo("'+39 333");
        assertThat(records.get(3).get(1)).as("a negative number stays a number").isEqualTo("-3");
        assertThat(records.get(3).get(3)).isEqualTo("'@SUM(A1)");
        assertThat(records.get(4).get(0)).isEqualTo("Testo; con \"virgolette\"");
        assertThat(records.get(4).get(3)).isEqualTo("'-2+3");
        assertThat(records.get(records.size() - 1).get(0)).isEqualTo("n.d. = dato riservato");
    }

    @Test
    void csvWithTheCommaUsesTheDecimalPoint() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.csv(table, ',', out);
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        assertThat(records.get(2).get(1)).isEqualTo("0.25");
        assertThat(records.get(4).get(0)).isEqualTo("Testo; con \"virgolette\"");
        assertThat(text).contains("\r\n");
    }

    @Test
    void xlsxHasABoldFrozenHeaderNumericCellsAndNeutralisedText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.xlsx(List.of(table, Table.named("Indicatori", "A").row("x").build()), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(1)).as("unique sheet names").isNotEqualTo(workbook.getSheetName(0));
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Indicatore");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Partecipanti ad attività");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0);
            assertThat(sheet.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(0.25);
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(-3.0);
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("'@SUM(A1)");
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("n.d. = dato riservato");
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(sheet.getColumnWidth(1));
        }
    }

    @Test
    void theSeparatorFollowsTheLanguageUnlessAsked() {
        assertThat(TableExport.separator(null, Locale.ITALIAN)).isEqualTo(';');
        assertThat(TableExport.separator("", Locale.ENGLISH)).isEqualTo(',');
        assertThat(TableExport.separator(",", Locale.ITALIAN)).isEqualTo(',');
        assertThat(TableExport.separator(";", Locale.ENGLISH)).isEqualTo(';');
        assertThatThrownBy(() -> TableExport.separator("|", Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsMustMatchTheHeaders() {
        assertThatThrownBy(() -> Table.named("x", "a", "b").row("only one").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
