package it.labimpact.imports;

import it.labimpact.shared.csv.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one kind of file needs beside the common reading, job running and reporting: its columns, its template's
 * example row and drop-down lists, and the code that checks and writes a row through the owners' facades.
 */
interface RowHandler {

    ImportKind kind();

    /** The columns in template order. */
    List<? extends ImportColumn> columns();

    /** Whole-file problems: columns missing (line 0). By default, the required columns. */
    default List<ImportNote> missingColumns(CsvTable table) {
        List<ImportNote> notes = new ArrayList<>();
        for (ImportColumn c : columns()) {
            if (c.required() && !c.in(table)) {
                notes.add(missing(c));
            }
        }
        return notes;
    }

    /** The template's example row, in column order. */
    List<String> example(Locale locale);

    /** Short fixed lists offered as drop-downs in the template (codes). */
    default Map<ImportColumn, List<String>> choices() {
        return Map.of();
    }

    /** Columns whose drop-down is the list of country codes. */
    default List<ImportColumn> countryColumns() {
        return List.of();
    }

    /** The base of the template's file name in a language. */
    String templateName(Locale locale);

    /** A run over one file, inside the job's transaction. */
    Run open(ImportRunner.Request request);

    /** A run over one file, for a handler that reads the file's layout from its headers. */
    default Run open(ImportRunner.Request request, CsvTable table) {
        return open(request);
    }

    /** The state of one job over its rows. */
    interface Run {

        /**
         * Checks one row and writes it (or keeps it for {@link #finish}) inside a savepoint; returns its notes:
         * none when something new was (or will be) written, PRESENT ones when the row is already there, REJECTED
         * ones with the column and reason otherwise.
         */
        List<ImportNote> row(CsvTable.Row row);

        /**
         * Rows after which the runner takes stock (progress, statistics): 1 for a run that writes row by row, more
         * for one that checks and writes a chunk of rows at a time ({@link #rows}).
         */
        default int chunk() {
            return 1;
        }

        /** The notes of several consecutive rows, as {@link #row} of each in turn would give them. */
        default List<List<ImportNote>> rows(List<CsvTable.Row> rows) {
            return rows.stream().map(this::row).toList();
        }

        /** Writes what was kept; returns the notes of lines refused at this point. */
        default List<ImportNote> finish() {
            return List.of();
        }
    }

    static ImportNote missing(ImportColumn c) {
        return new ImportNote(0, ImportNote.Outcome.REJECTED, c.label(), "import.missingColumn",
                List.of(c.label(), String.join(", ", c.names())));
    }

    static ImportNote note(int line, ImportNote.Outcome outcome, ImportColumn column, String key, Object... args) {
        return new ImportNote(line, outcome, column == null ? null : column.label(), key,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
