package it.labimpact.imports;

/** What a file holds. */
public enum ImportKind {
    /** One row per participant, with an optional activity to enrol them in. */
    PARTICIPANTS
}
