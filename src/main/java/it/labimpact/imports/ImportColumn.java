package it.labimpact.imports;

import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.TolerantCsv;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * A column of an upload, matched by name (Italian or English, and a few names people use), never by position.
 * Each kind of file has an enum of them, in template order; the report names a column by its Italian name.
 */
interface ImportColumn {

    /** The enum constant's name: the suffix of the column's help message {@code imports.help.NAME}. */
    String name();

    /** Whether every row must fill it (a file without it is refused as a whole). */
    boolean required();

    /** The accepted names, the Italian one first. */
    String[] names();

    /** The header the templates and reports use in a language. */
    default String header(Locale locale) {
        return "en".equals(locale.getLanguage()) ? names()[1] : names()[0];
    }

    /** The name the report uses. */
    default String label() {
        return names()[0];
    }

    /** The trimmed value of this column in a row, if present and not blank. */
    default Optional<String> in(CsvTable.Row row) {
        return row.get(names());
    }

    /** Whether the file has this column. */
    default boolean in(CsvTable table) {
        return table.column(names()).isPresent();
    }

    /** Whether a header cell names one of {@code columns}. */
    static boolean known(Collection<? extends ImportColumn> columns, String header) {
        String n = TolerantCsv.normalise(header);
        return !n.isEmpty() && columns.stream().flatMap(c -> Arrays.stream(c.names()))
                .anyMatch(name -> TolerantCsv.normalise(name).equals(n));
    }
}
