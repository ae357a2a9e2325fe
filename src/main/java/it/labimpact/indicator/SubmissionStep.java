package it.labimpact.indicator;

import java.time.Instant;

/** One step in the history of a submission: the status it moved to, by whom, when, with which comment. */
public record SubmissionStep(SubmissionStatus status, String comment, String actor, Instant at) {
}
