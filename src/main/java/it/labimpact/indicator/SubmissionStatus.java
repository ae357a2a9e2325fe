package it.labimpact.indicator;

/**
 * Where a network's quarter stands: submitted by the network lead, approved (the quarter is locked), returned with
 * a comment for corrections, or reopened by the coordinator after approval (unlocked again).
 */
public enum SubmissionStatus {
    SUBMITTED, APPROVED, RETURNED, REOPENED;

    /** The network lead may (re)submit from here. */
    public boolean submittable() {
        return this == RETURNED || this == REOPENED;
    }
}
