package it.labimpact.participant;

/** Where a participant stands in an activity (iscrizione). */
public enum EnrolmentStatus {
    /** Enrolled, no presence recorded yet. */
    ENROLLED,
    /** Present at least once, completion rule not met yet. */
    ATTENDING,
    /** The hours attended reach the activity type's completion threshold: set by the rule, never by hand. */
    COMPLETED,
    /** Left the activity, with a reason; keeps the attendance recorded so far and takes no new one. */
    WITHDRAWN
}
