package it.labimpact.cooperation;

import java.math.BigDecimal;

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
 */
public record CooperationFigures(String network, int members, int activeTies, int newTies, int tiesAmongMembers,
        BigDecimal density, int crossSectorTies, BigDecimal crossSectorShare, int bridges, int isolates) {
}
