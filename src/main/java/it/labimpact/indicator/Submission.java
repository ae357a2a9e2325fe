package it.labimpact.indicator;

import java.time.Instant;

/**
 * A network's submission of its data for a quarter (trasmissione del trimestre), with its latest step.
 *
 * @param comment the comment of the latest step (the lead's note, the reason for sending back or reopening)
 * @param decidedBy who approved, returned or reopened it last; {@code null} while only submitted
 */
public record Submission(long id, String network, String periodCode, SubmissionStatus status, String comment,
        String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, int version) {

    /** The quarter is locked for the network. */
    public boolean locked() {
        return status == SubmissionStatus.APPROVED;
    }
}
