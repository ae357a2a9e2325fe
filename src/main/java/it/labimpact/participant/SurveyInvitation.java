package it.labimpact.participant;

/**
 * What the public survey page may show for a token: its state, the language chosen by the operator, and the
 * activity's title — no personal data.
 */
public record SurveyInvitation(State state, String language, String activityTitle) {

    /** Whether the link can still be answered. */
    public enum State { OPEN, ANSWERED, EXPIRED, UNKNOWN }

    public static SurveyInvitation unknown() {
        return new SurveyInvitation(State.UNKNOWN, "it", null);
    }
}
