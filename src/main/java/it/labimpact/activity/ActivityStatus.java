package it.labimpact.activity;

/** Where an activity stands. */
public enum ActivityStatus {
    /** Announced, not started. */
    PLANNED,
    /** Running. */
    ONGOING,
    /** Finished. */
    COMPLETED,
    /** Will not take place (kept, never deleted, so that enrolments and figures stay explainable). */
    CANCELLED
}
