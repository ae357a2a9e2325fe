package it.labimpact.imports;

/** What a file holds. */
public enum ImportKind {
    /** One row per participant, with an optional activity to enrol them in. */
    PARTICIPANTS,
    /** One row per person and session of an activity: present or absent, or hours attended. */
    ATTENDANCE,
    /** One row per assessment (Italian L2 or DigComp) of a registered person. */
    ASSESSMENTS,
    /** One row per outcome of a registered person. */
    OUTCOMES,
    /** One row per session of an activity, the rows of an activity sharing a reference. */
    ACTIVITIES
}
