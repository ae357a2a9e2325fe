package it.labimpact.cooperation;

import it.labimpact.partnership.OrganisationKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement with its parties and the description of its document (never the bytes).
 *
 * @param networkCode {@code null} for a project-wide agreement
 * @param document {@code null} when no document is attached
 */
public record AgreementView(long id, AgreementKind kind, String title, String networkCode, String networkName,
        List<Party> parties, LocalDate signedOn, LocalDate validFrom, LocalDate validTo, String scope,
        DocumentInfo document, String createdBy, Instant updatedAt, int version) {

    /** An organisation that signed the agreement. */
    public record Party(long organisationId, String name, OrganisationKind kind) {
    }

    /** The attached document as listed. */
    public record DocumentInfo(String fileName, String contentType, int sizeBytes, String sha256, String uploadedBy,
            Instant uploadedAt) {
    }

    /** Valid on the given day. */
    public boolean inForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** The agreement as editable data. */
    public AgreementData toData() {
        return new AgreementData(kind, title, networkCode, parties.stream().map(Party::organisationId).toList(),
                signedOn, validFrom, validTo, scope, version);
    }
}
