package it.labimpact.shared.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of an all-or-nothing upload: how many rows were read, the problems found row by row,
 * and whether anything was written (only when there was no problem at all).
 */
public record ImportReport(int rowsRead, int rowsApplied, List<Problem> problems, boolean committed) {

    /**
     * One problem: the file line, the column, the offending value, and a message key with arguments.
     * A {@code line} of 0 concerns the whole file (missing column, unreadable file).
     */
    public record Problem(int line, String column, String value, String messageKey, List<Object> args) {

        public Object[] argsArray() {
            return args.toArray();
        }
    }

    /** A report for a file that could not be read at all. */
    public static ImportReport unreadable(String messageKey) {
        return new ImportReport(0, 0, List.of(new Problem(0, null, null, messageKey, List.of())), false);
    }

    /** Collects problems while the rows are validated. */
    public static final class Builder {
        private final List<Problem> problems = new ArrayList<>();

        public Builder problem(int line, String column, String value, String messageKey, Object... args) {
            problems.add(new Problem(line, column, value, messageKey, List.of(args)));
            return this;
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        /** The report of a refused upload; problems in file order (whole-file ones first), whatever found them. */
        public ImportReport rejected(int rowsRead) {
            List<Problem> inFileOrder = new ArrayList<>(problems);
            inFileOrder.sort(Comparator.comparingInt(Problem::line));
            return new ImportReport(rowsRead, 0, List.copyOf(inFileOrder), false);
        }

        public ImportReport committed(int rowsRead, int rowsApplied) {
            return new ImportReport(rowsRead, rowsApplied, List.of(), true);
        }
    }
}
