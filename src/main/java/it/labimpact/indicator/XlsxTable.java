package it.labimpact.indicator;

import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.CsvUpload;
import it.labimpact.shared.csv.ImportReport;
import it.labimpact.shared.csv.TolerantCsv;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of a spreadsheet (XLSX, or the older XLS) into the same table a CSV upload gives, so that
 * both are checked by one piece of code: the first non-empty row holds the headers, each later row keeps its
 * spreadsheet row number as its line. Numbers are written plainly ({@code 12.5}), dates as ISO days.
 */
final class XlsxTable {

    private XlsxTable() {
    }

    /** Whether the bytes start like a spreadsheet (a ZIP container or an OLE2 compound file). */
    static boolean isSpreadsheet(byte[] b) {
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole2 = b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
        return zip || ole2;
    }

    /** Reads {@code file}; each array of {@code required} lists the accepted names of one column. */
    static CsvUpload open(byte[] file, String[]... required) {
        CsvTable table;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            table = read(workbook.getSheetAt(0));
        } catch (IOException | RuntimeException e) {
            return new CsvUpload(null, ImportReport.unreadable("target.import.unreadable"));
        }
        if (table == null) {
            return new CsvUpload(null, ImportReport.unreadable("csv.error.noHeader"));
        }
        ImportReport.Builder report = new ImportReport.Builder();
        for (String[] names : required) {
            if (table.column(names).isEmpty()) {
                report.problem(0, names[0], null, "import.missingColumn", names[0], String.join(", ", names));
            }
        }
        return report.hasProblems() ? new CsvUpload(null, report.rejected(table.rows().size()))
                : new CsvUpload(table, null);
    }

    private static CsvTable read(Sheet sheet) {
        List<String> headers = null;
        List<CsvTable.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                values.add(text(row.getCell(i)));
            }
            if (values.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (headers == null) {
                headers = values.stream().map(TolerantCsv::normalise).toList();
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < headers.size() && i < values.size(); i++) {
                cells.putIfAbsent(headers.get(i), values.get(i));
            }
            rows.add(new CsvTable.Row(row.getRowNum() + 1, cells));
        }
        return headers == null ? null : new CsvTable(StandardCharsets.UTF_8, ',', headers, List.copyOf(rows));
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
