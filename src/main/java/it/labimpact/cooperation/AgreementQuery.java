package it.labimpact.cooperation;

import java.time.LocalDate;

/**
 * Agreement list filters; any may be {@code null}.
 *
 * @param network a network's code, or {@code PROJECT} for the project-wide agreements
 * @param organisationId agreements this organisation signed
 * @param text words found in the title or scope
 * @param inForceOn agreements valid on this day
 */
public record AgreementQuery(String network, AgreementKind kind, Long organisationId, String text,
        LocalDate inForceOn) {

    /** The value of {@code network} that selects the project-wide agreements. */
    public static final String PROJECT = "PROJECT";

    public static AgreementQuery all() {
        return new AgreementQuery(null, null, null, null, null);
    }
}
