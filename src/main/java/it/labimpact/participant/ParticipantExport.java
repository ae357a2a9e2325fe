package it.labimpact.participant;

import java.time.Instant;
import java.util.List;

/**
 * Everything the platform holds on a participant (right of access): the record, the privacy notice they
 * accepted, and the duplicate reviews that involved them.
 */
public record ParticipantExport(Instant exportedAt, ParticipantRecord record, String networkName,
        String organisationName, PrivacyNotice acceptedNotice, List<ReviewEntry> reviews) {

    /** When the export was made, in Italian time. */
    public java.time.LocalDateTime exportedAtLocal() {
        return java.time.LocalDateTime.ofInstant(exportedAt, java.time.ZoneId.of("Europe/Rome"));
    }

    /** A duplicate review as seen from this participant. */
    public record ReviewEntry(MatchReview.Reason reason, MatchReview.Status status, Instant createdAt,
            Instant decidedAt) {
    }
}
