package it.labimpact.cooperation;

/** The follow-up of a decision; open and in-progress decisions are still to be done. */
public enum MeetingDecisionStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    /** Still to be done. */
    public boolean pending() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
