package it.labimpact.imports;

import java.util.List;

/**
 * One line of a job's report: a row refused (with the column and the reason) or skipped as already present.
 * {@code line} is the row in the file (the header is line 1); 0 concerns the whole file.
 */
public record ImportNote(int line, Outcome outcome, String column, String messageKey, List<String> args) {

    /** What happened to the row. */
    public enum Outcome {
        REJECTED, PRESENT
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
