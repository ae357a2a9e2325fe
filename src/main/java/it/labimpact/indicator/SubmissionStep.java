package it.labimpact.indicator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** One step in the history of a submission: the status it moved to, by whom, when, with which comment. */
public record SubmissionStep(SubmissionStatus status, String comment, String actor, Instant at) {

    /** When, in Italian time. */
    public LocalDateTime localAt() {
        return LocalDateTime.ofInstant(at, ZoneId.of("Europe/Rome"));
    }
}
