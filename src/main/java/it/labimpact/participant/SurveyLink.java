package it.labimpact.participant;

import java.time.Instant;

/**
 * A one-time survey link just generated: {@code token} is shown to the operator once and never stored (only its
 * SHA-256 is).
 */
public record SurveyLink(String token, String language, long activityId, Instant expiresAt) {

    /** The public page's path. */
    public String path() {
        return "/survey/" + token;
    }
}
