package it.labimpact.imports;

/** Where a job stands. */
public enum ImportStatus {
    RUNNING,
    /** Dry run without problems: the file can be committed. */
    VALIDATED,
    /** Dry run that found problems. */
    INVALID,
    /** Written. */
    COMMITTED,
    /** Commit refused because of problems: nothing was written. */
    REJECTED,
    /** Stopped by an unexpected error: nothing was written. */
    FAILED;

    public boolean finished() {
        return this != RUNNING;
    }
}
