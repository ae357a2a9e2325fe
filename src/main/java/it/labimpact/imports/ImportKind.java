package it.labimpact.imports;

/** What a file holds. */
public enum ImportKind {
    /** One row per participant, with an optional activity to enrol them in. */
    PARTICIPANTS,
    /** One row per person and session of an activity: present or absent, or hours attended. */
    ATTENDANCE
}
