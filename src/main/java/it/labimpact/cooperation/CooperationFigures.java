package it.labimpact.cooperation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The cooperation metrics of a network ({@code network} set) or of the project ({@code null}) for a period.
 *
 * @param members member organisations of the network (of any network for the project) in the period
 * @param activeTies pairs of organisations with evidence overlapping the period
 * @param newTies active ties whose pair had no tie anywhere in the baseline quarter
 * @param tiesAmongMembers active ties whose two organisations are both members
 * @param density tiesAmongMembers over members × (members − 1) / 2, in percent with one decimal; {@code null}
 *        with fewer than two members
 * @param crossSectorTies active ties between organisations of different kinds
 * @param crossSectorShare crossSectorTies over activeTies, in percent with one decimal; {@code null} without ties
 * @param bridges organisations tied to two or more kinds other than their own, or across two networks
 * @param isolates members with no active tie
 * @param approvedAt for a quarter whose values are approved (the network's quarter; for the project, every
 *        network's), when it was approved: the figures are then the approved ones, from the indicator snapshot
 *        (P1-COOP-*), and {@code tiesAmongMembers}, which the snapshot does not hold, is {@code null}; {@code null}
 *        for figures computed from the evidence as it stands
 */
public record CooperationFigures(String network, int members, int activeTies, int newTies, Integer tiesAmongMembers,
        BigDecimal density, int crossSectorTies, BigDecimal crossSectorShare, int bridges, int isolates,
        Instant approvedAt) {

    /** When it was approved, in Italian time; {@code null} for live figures. */
    public LocalDateTime localApprovedAt() {
        return approvedAt == null ? null : LocalDateTime.ofInstant(approvedAt, ZoneId.of("Europe/Rome"));
    }
}
