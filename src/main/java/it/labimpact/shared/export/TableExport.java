package it.labimpact.shared.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Writes {@link Table}s as CSV or XLSX, for every table a page shows: build a {@link Table}, then call
 * {@link #write} from the controller with the {@code format} and {@code sep} request parameters.
 *
 * <ul>
 *   <li><b>CSV</b>: UTF-8 with a byte-order mark (so Excel reads the accents), quoted where needed
 *   (commons-csv), CRLF line ends. The separator is {@code ;} or {@code ,}: by default {@code ;} for Italian
 *   users (what Italian Excel expects) and {@code ,} otherwise. With {@code ;} decimals use a comma, with
 *   {@code ,} a point.</li>
 *   <li><b>XLSX</b>: one sheet per table (streamed, so big tables fit in memory), a bold frozen header row,
 *   numbers as numeric cells, dates as date cells, column widths from the content.</li>
 *   <li>Both neutralise text cells that a spreadsheet would run as a formula: text starting with {@code = + - @},
 *   a tab or a carriage return gets a leading {@code '}. Numbers written as numbers are not touched.</li>
 * </ul>
 */
public final class TableExport {

    /** The file formats. */
    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), XLSX(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** Reads {@code csv} or {@code xlsx} (any case); {@code null} or blank gives {@code XLSX}. */
        public static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return XLSX;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new IllegalArgumentException("Unknown export format: " + value);
            };
        }
    }

    private TableExport() {
    }

    /**
     * The CSV separator: {@code ;} or {@code ,} when asked ({@code "tab"} is not offered); otherwise {@code ;}
     * for Italian and {@code ,} for any other language.
     */
    public static char separator(String requested, Locale locale) {
        if (requested != null && !requested.isBlank()) {
            String s = requested.trim();
            if (s.equals(";") || s.equalsIgnoreCase("semicolon")) {
                return ';';
            }
            if (s.equals(",") || s.equalsIgnoreCase("comma")) {
                return ',';
            }
            throw new IllegalArgumentException("Unknown CSV separator: " + requested);
        }
        return "it".equals(locale.getLanguage()) ? ';' : ',';
    }

    /**
     * Text that a spreadsheet would take for a formula gets a leading {@code '}: text starting with
     * {@code = + - @}, a tab or a carriage return.
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    /** Writes one table as CSV (BOM, quoted, CRLF). */
    public static void csv(Table table, char separator, OutputStream out) {
        CsvTableWriter.write(List.of(table), separator, out);
    }

    /** Writes the tables as one workbook, a sheet each. */
    public static void xlsx(List<Table> sheets, OutputStream out) {
        XlsxTableWriter.write(sheets, out);
    }

    /**
     * Sends the tables as a download named {@code baseName.csv} or {@code baseName.xlsx}. In CSV, several tables
     * follow each other, each after a line with its name and a blank line between them.
     */
    public static void write(HttpServletResponse response, String baseName, Format format, char separator,
            List<Table> tables) {
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(baseName + "." + format.extension()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            OutputStream out = response.getOutputStream();
            if (format == Format.CSV) {
                CsvTableWriter.write(tables, separator, out);
            } else {
                XlsxTableWriter.write(tables, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
