package it.labimpact.participant;

import java.time.Instant;

/**
 * A possible duplicate waiting for a coordinator: a new registration and an existing one of another person
 * whose identities are close (similar names with the same birth date, or the same names with different codes).
 */
public record MatchReview(long id, ParticipantRecord participant, ParticipantRecord candidate, Reason reason,
        Status status, Instant createdAt, String decidedBy, Instant decidedAt, int version) {

    /** Why the two were put side by side. */
    public enum Reason { SIMILAR_NAMES, DIFFERENT_CODE }

    /** Open, or decided: the same person, or two people. */
    public enum Status { OPEN, MERGED, DISTINCT }
}
