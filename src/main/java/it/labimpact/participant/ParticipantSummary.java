package it.labimpact.participant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A participant without personal data: the pseudonymous row the indicators count. {@code personId} is the
 * same for every registration of one person in the project.
 *
 * @param erasedAt when the personal data was crypto-shredded; the row stays for the statistics
 */
public record ParticipantSummary(UUID id, UUID personId, String networkCode, long organisationId,
        Instant registeredAt, LocalDate firstContactDate, Sex sex, int birthYear, String citizenship,
        String residenceIstat, int consentNoticeVersion, int version, Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }

    /** The day of registration, in Italian time. */
    public LocalDate registeredOn() {
        return registeredAt == null ? null : LocalDate.ofInstant(registeredAt, ZoneId.of("Europe/Rome"));
    }

    /** The day of erasure, in Italian time. */
    public LocalDate erasedOn() {
        return erasedAt == null ? null : LocalDate.ofInstant(erasedAt, ZoneId.of("Europe/Rome"));
    }
}
