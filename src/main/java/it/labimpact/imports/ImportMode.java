package it.labimpact.imports;

/** The two steps of an upload. */
public enum ImportMode {
    /** Dry run: every row is checked by the same code as a commit, then nothing is kept. */
    VALIDATE,
    /** All or nothing: written only when no row is refused. */
    COMMIT
}
