package it.labimpact.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral as its two sides see it: no personal data. The receiving side sees the person by the project-wide
 * pseudonymous id with the attributes the service needs, copied when the referral was sent.
 *
 * @param participantId the sending network's record; {@code null} for the receiving side, which cannot open it
 * @param personId the project-wide pseudonymous id of the person
 * @param receiving the current actor is staff of the receiving organisation's network and may act on it
 * @param italianLevel the latest Italian L2 level assessed before sending, or {@code null}
 */
public record ReferralView(long id, UUID participantId, UUID personId, String fromNetworkCode,
        String fromNetworkName, long fromOrganisationId, String fromOrganisationName, String toNetworkCode,
        String toNetworkName, long toOrganisationId, String toOrganisationName, ReferralService service, String note,
        LocalDate consentOn, String consentNotice, ReferralSharing sharing, String ageBand, String sex,
        String citizenship, String italianLevel, ReferralStatus status, Instant sentAt, String sentBy,
        Instant takenAt, String takenBy, Instant closedAt, String closedBy, ReferralOutcome outcome,
        String closingNote, int version, boolean receiving) {
}
