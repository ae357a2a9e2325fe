package it.labimpact.shared.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table to export: a name (the sheet's), column headers, typed rows and optional notes printed after the rows.
 *
 * <p>Cells are {@link Number} (written as numbers), {@link java.time.LocalDate} (a date), {@link Boolean},
 * {@link CharSequence} (text, neutralised against formula injection when written) or {@code null} (empty).
 * Anything else is written as its {@code toString()} text.
 *
 * @param name the sheet name (cut to 31 characters in a workbook)
 * @param headers the column headers
 * @param rows the rows, each as long as {@code headers}
 * @param notes lines written after a blank row (what a marker means, the source, the threshold)
 */
public record Table(String name, List<String> headers, List<List<Object>> rows, List<String> notes) {

    public Table {
        Objects.requireNonNull(name);
        headers = List.copyOf(headers);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("Row of " + row.size() + " cells in a table of "
                        + headers.size() + " columns: " + name);
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
        notes = List.copyOf(notes);
    }

    /** Starts a table with its name and headers. */
    public static Builder named(String name, String... headers) {
        return new Builder(name, Arrays.asList(headers));
    }

    /** Starts a table with its name and headers. */
    public static Builder named(String name, List<String> headers) {
        return new Builder(name, headers);
    }

    /** Builds a {@link Table} row by row. */
    public static final class Builder {

        private final String name;
        private final List<String> headers;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String name, List<String> headers) {
            this.name = name;
            this.headers = headers;
        }

        /** Adds a row; {@code null} cells stay empty. */
        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        /** Adds a note line, written after the rows. */
        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Table build() {
            return new Table(name, headers, rows, notes);
        }
    }
}
