package it.labimpact.imports;

import it.labimpact.shared.csv.CsvFormatException;
import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.TolerantCsv;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an upload into the table {@link TolerantCsv} gives for CSV: CSV as people save it, or the first sheet of
 * a spreadsheet (XLSX, XLS). In a spreadsheet, title rows above the headers are skipped (the header row is the
 * first naming a known column), a header cell inside a merged region takes the region's text, a second header
 * row under merged group cells supplies the names of the columns it covers, dates become ISO
 * days and numbers plain text. POI's zip-bomb guard (ratio of compressed to expanded size) stays on; a bomb or a
 * damaged file is refused as a whole, as are files over the size and row limits.
 */
final class SpreadsheetReader {

    private SpreadsheetReader() {
    }

    static CsvTable read(byte[] file, ImportSettings limits, Predicate<String> knownHeader) {
        if (file.length > limits.maxFileBytes()) {
            throw new FileRefused("imports.file.tooLarge", megabytes(limits.maxFileBytes()));
        }
        CsvTable table = isSpreadsheet(file) ? sheet(file, limits, knownHeader) : csv(file);
        if (table.rows().size() > limits.maxRows()) {
            throw new FileRefused("imports.file.tooManyRows", table.rows().size(), limits.maxRows());
        }
        return table;
    }

    private static CsvTable csv(byte[] file) {
        try {
            return TolerantCsv.read(file);
        } catch (CsvFormatException e) {
            throw new FileRefused(e.messageKey());
        }
    }

    static boolean isSpreadsheet(byte[] b) {
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole2 = b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
        return zip || ole2;
    }

    private static CsvTable sheet(byte[] file, ImportSettings limits, Predicate<String> knownHeader) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > limits.maxRows() + 50) {
                // counted before reading: even blank rows past the limit are not worth reading
                throw new FileRefused("imports.file.tooManyRows", sheet.getLastRowNum(), limits.maxRows());
            }
            return table(sheet, knownHeader);
        } catch (FileRefused e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw new FileRefused(isZipBomb(e) ? "imports.file.zipBomb" : "imports.file.unreadable");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static CsvTable table(Sheet sheet, Predicate<String> knownHeader) {
        List<String> headers = null;
        boolean underHeader = false;
        List<CsvTable.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                values.add(headers == null || underHeader ? headerText(sheet, row, i) : text(row.getCell(i)));
            }
            if (values.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (headers == null) {
                if (values.stream().anyMatch(knownHeader)) {
                    headers = values.stream().map(TolerantCsv::normalise).toList();
                    underHeader = true;
                }
                continue;
            }
            if (underHeader) {
                underHeader = false;
                if (isSubHeader(values, headers, knownHeader)) {
                    // a second header row under a merged group ("Iscrizione" over "ID attività", "Data iscrizione")
                    headers = subHeaders(headers, values);
                    continue;
                }
                values = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    values.add(text(row.getCell(i)));
                }
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < headers.size() && i < values.size(); i++) {
                if (!headers.get(i).isEmpty()) {
                    cells.putIfAbsent(headers.get(i), values.get(i));
                }
            }
            rows.add(new CsvTable.Row(row.getRowNum() + 1, cells));
        }
        if (headers == null) {
            throw new FileRefused("csv.error.noHeader");
        }
        return new CsvTable(StandardCharsets.UTF_8, ',', headers, List.copyOf(rows));
    }

    /** A row whose cells are all column names, or repeat the header above them (merged vertically). */
    private static boolean isSubHeader(List<String> values, List<String> headers, Predicate<String> knownHeader) {
        boolean named = false;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.isBlank() || (i < headers.size() && TolerantCsv.normalise(v).equals(headers.get(i)))) {
                continue;
            }
            if (!knownHeader.test(v)) {
                return false;
            }
            named = true;
        }
        return named;
    }

    private static List<String> subHeaders(List<String> headers, List<String> values) {
        List<String> merged = new ArrayList<>(headers);
        for (int i = 0; i < values.size(); i++) {
            String n = TolerantCsv.normalise(values.get(i));
            if (n.isEmpty()) {
                continue;
            }
            if (i < merged.size()) {
                merged.set(i, n);
            } else {
                merged.add(n);
            }
        }
        return List.copyOf(merged);
    }

    /** A header cell's text, or the text of the merged region it lies in. */
    private static String headerText(Sheet sheet, Row row, int column) {
        String own = text(row.getCell(column));
        if (!own.isBlank()) {
            return own;
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(row.getRowNum(), column)) {
                Row first = sheet.getRow(region.getFirstRow());
                return first == null ? "" : text(first.getCell(region.getFirstColumn()));
            }
        }
        return "";
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? dateText(cell)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** A date cell's day, or its time of day when it holds a time only (a fraction of a day: 14:00 is 0.583). */
    private static String dateText(Cell cell) {
        double value = cell.getNumericCellValue();
        if (value >= 0 && value < 1) {
            return java.time.LocalTime.ofSecondOfDay(Math.round(value * 86_400) % 86_400).toString();
        }
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
