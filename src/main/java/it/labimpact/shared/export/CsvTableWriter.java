package it.labimpact.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV for {@link TableExport}: UTF-8 with BOM, commons-csv quoting, CRLF. */
final class CsvTableWriter {

    private CsvTableWriter() {
    }

    static void write(List<Table> tables, char separator, OutputStream out) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setRecordSeparator("\r\n").get();
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, format);
            boolean several = tables.size() > 1;
            for (int t = 0; t < tables.size(); t++) {
                Table table = tables.get(t);
                if (t > 0) {
                    printer.println();
                }
                if (several) {
                    printer.printRecord(TableExport.neutralise(table.name()));
                }
                printer.printRecord(table.headers().stream().map(TableExport::neutralise).toList());
                for (List<Object> row : table.rows()) {
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object cell : row) {
                        cells.add(text(cell, separator));
                    }
                    printer.printRecord(cells);
                }
                if (!table.notes().isEmpty()) {
                    printer.println();
                    for (String note : table.notes()) {
                        printer.printRecord(TableExport.neutralise(note));
                    }
                }
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as CSV text: numbers plain (decimal comma with {@code ;}), dates ISO, text neutralised. */
    static String text(Object cell, char separator) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number n) {
            String plain = (n instanceof BigDecimal b ? b : new BigDecimal(n.toString())).stripTrailingZeros()
                    .toPlainString();
            return separator == ';' ? plain.replace('.', ',') : plain;
        }
        if (cell instanceof LocalDate d) {
            return d.toString();
        }
        if (cell instanceof Boolean b) {
            return b.toString();
        }
        return TableExport.neutralise(cell.toString());
    }
}
