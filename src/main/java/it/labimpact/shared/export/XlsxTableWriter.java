package it.labimpact.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** XLSX for {@link TableExport}: streamed sheets, bold frozen header, typed cells, widths from the content. */
final class XlsxTableWriter {

    private static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 8;

    private XlsxTableWriter() {
    }

    static void write(List<Table> tables, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Font italic = workbook.createFont();
            italic.setItalic(true);
            CellStyle note = workbook.createCellStyle();
            note.setFont(italic);
            Set<String> names = new HashSet<>();
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(sheetName(table.name(), names));
                int[] widths = new int[table.headers().size()];
                Row first = sheet.createRow(0);
                for (int c = 0; c < table.headers().size(); c++) {
                    String text = TableExport.neutralise(table.headers().get(c));
                    Cell cell = first.createCell(c);
                    cell.setCellValue(text);
                    cell.setCellStyle(header);
                    widths[c] = Math.max(widths[c], length(text));
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        widths[c] = Math.max(widths[c], fill(row.createCell(c), values.get(c), date));
                    }
                }
                if (!table.notes().isEmpty()) {
                    r++;
                    for (String text : table.notes()) {
                        Cell cell = sheet.createRow(r++).createCell(0);
                        cell.setCellValue(TableExport.neutralise(text));
                        cell.setCellStyle(note);
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a typed value; returns its width in characters. */
    private static int fill(Cell cell, Object value, CellStyle date) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            return n.toString().length();
        }
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
            return 10;
        }
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
            return 5;
        }
        String text = TableExport.neutralise(value.toString());
        cell.setCellValue(text);
        return length(text);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** A valid sheet name (31 characters, no {@code []*?/\:}), unique in the workbook. */
    private static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
