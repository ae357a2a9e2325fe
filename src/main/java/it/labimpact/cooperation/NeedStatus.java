package it.labimpact.cooperation;

/**
 * Where the network's response to a need stands. A need starts {@link #NEW}; the network may move it to any
 * other status, each change dated and audited; {@link #ANSWERED} and {@link #NOT_PURSUED} need a response text.
 */
public enum NeedStatus {
    NEW, UNDER_REVIEW, TAKEN_UP, ANSWERED, NOT_PURSUED;

    /** Whether a change to this status must say why or how (a response text). */
    public boolean needsResponse() {
        return this == ANSWERED || this == NOT_PURSUED;
    }
}
