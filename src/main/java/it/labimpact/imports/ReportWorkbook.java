package it.labimpact.imports;

import it.labimpact.shared.csv.CsvTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The downloadable report of a job. With the original file: one line per data row, in file order, with its line
 * number, its outcome and its problems, then the row's values under the template's column names. Without it:
 * one line per note (line, outcome, column, problem).
 */
final class ReportWorkbook {

    private ReportWorkbook() {
    }

    static byte[] write(ImportJob job, List<? extends ImportColumn> columns, List<ImportNote> notes,
            Optional<byte[]> original, Locale locale, MessageSource messages) {
        Optional<CsvTable> table = original.flatMap(file -> reread(file, columns));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(message(messages, locale, "imports.report.sheet"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> headers = new ArrayList<>(List.of(message(messages, locale, "import.line"),
                    message(messages, locale, "imports.report.outcome")));
            if (table.isPresent()) {
                headers.add(message(messages, locale, "imports.report.problems"));
                for (ImportColumn c : columns) {
                    headers.add(c.header(locale));
                }
            } else {
                headers.add(message(messages, locale, "import.column"));
                headers.add(message(messages, locale, "import.problem"));
            }
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int next = 1;
            List<ImportNote> whole = notes.stream().filter(n -> n.line() == 0).toList();
            if (table.isEmpty() || !whole.isEmpty()) {
                for (ImportNote n : notes) {
                    Row r = sheet.createRow(next++);
                    r.createCell(0).setCellValue(n.line());
                    r.createCell(1).setCellValue(message(messages, locale, "imports.outcome." + n.outcome()));
                    r.createCell(2).setCellValue(n.column() == null ? "" : n.column());
                    r.createCell(3).setCellValue(text(n, messages, locale));
                }
                if (job.problemKey() != null && notes.isEmpty()) {
                    Row r = sheet.createRow(next);
                    r.createCell(0).setCellValue(0);
                    r.createCell(1).setCellValue(message(messages, locale, "imports.outcome.REJECTED"));
                    r.createCell(3).setCellValue(messages.getMessage(job.problemKey(), job.problemArgs(),
                            job.problemKey(), locale));
                }
            } else {
                Map<Integer, List<ImportNote>> byLine = notes.stream()
                        .collect(Collectors.groupingBy(ImportNote::line, LinkedHashMap::new, Collectors.toList()));
                for (CsvTable.Row data : table.get().rows()) {
                    List<ImportNote> own = byLine.getOrDefault(data.line(), List.of());
                    Row r = sheet.createRow(next++);
                    r.createCell(0).setCellValue(data.line());
                    r.createCell(1).setCellValue(message(messages, locale, "imports.outcome." + outcome(own)));
                    r.createCell(2).setCellValue(own.stream().map(n -> (n.column() == null ? "" : n.column() + ": ")
                            + text(n, messages, locale)).collect(Collectors.joining("; ")));
                    int cell = 3;
                    for (ImportColumn c : columns) {
                        r.createCell(cell++).setCellValue(c.in(data).orElse(""));
                    }
                }
            }
            for (int i = 0; i < headers.size(); i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String outcome(List<ImportNote> notes) {
        if (notes.stream().anyMatch(n -> n.outcome() == ImportNote.Outcome.REJECTED)) {
            return ImportNote.Outcome.REJECTED.name();
        }
        return notes.isEmpty() ? "ACCEPTED" : ImportNote.Outcome.PRESENT.name();
    }

    private static Optional<CsvTable> reread(byte[] file, List<? extends ImportColumn> columns) {
        try {
            return Optional.of(SpreadsheetReader.read(file, new ImportSettings(Long.MAX_VALUE, Integer.MAX_VALUE, 1),
                    header -> ImportColumn.known(columns, header)));
        } catch (FileRefused e) {
            return Optional.empty();
        }
    }

    private static String text(ImportNote n, MessageSource messages, Locale locale) {
        return messages.getMessage(n.messageKey(), n.argsArray(), n.messageKey(), locale);
    }

    private static String message(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
