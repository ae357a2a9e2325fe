package it.labimpact.cooperation;

import java.time.LocalDate;

/**
 * One piece of evidence of a tie between two organisations: a row of {@code cooperation_fact_tie}.
 *
 * @param organisationA the smaller organisation id
 * @param organisationB the larger organisation id
 * @param networkCode the network the evidence belongs to; {@code null} for project-wide evidence
 * @param crossNetwork a referral between two networks (it has one row per network)
 * @param validTo the last day it counts on; {@code null}: still running
 * @param direction for a referral, {@code A_TO_B} or {@code B_TO_A}; otherwise {@code null}
 */
public record TieEvidence(long organisationA, long organisationB, TieSource source, String networkCode,
        boolean crossNetwork, LocalDate validFrom, LocalDate validTo, long evidenceId, String direction) {

    public TieEvidence {
        if (organisationA >= organisationB) {
            throw new IllegalArgumentException("organisationA must be the smaller id");
        }
    }

    /** Whether it counts on at least one day from {@code from} to {@code to}. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !validFrom.isAfter(to) && (validTo == null || !validTo.isBefore(from));
    }
}
