package it.labimpact.shared.csv;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file read into memory: normalised header names, data rows with their line numbers.
 *
 * @param charset the encoding the file was read with
 * @param delimiter the separator found in the header line
 */
public record CsvTable(Charset charset, char delimiter, List<String> headers, List<Row> rows) {

    /** One data row; {@code line} is the 1-based line in the file (the header is line 1). */
    public record Row(int line, Map<String, String> values) {

        /** The trimmed value of the first of the given columns that is present and not blank. */
        public Optional<String> get(String... columns) {
            for (String column : columns) {
                String v = values.get(TolerantCsv.normalise(column));
                if (v != null && !v.isBlank()) {
                    return Optional.of(v.strip());
                }
            }
            return Optional.empty();
        }
    }

    /** The first of the given header names (normalised) the file has, if any. */
    public Optional<String> column(String... names) {
        for (String name : names) {
            String n = TolerantCsv.normalise(name);
            if (headers.contains(n)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
