package it.labimpact.cooperation;

import java.util.Map;

/**
 * An active tie of the graph: two organisations and the evidence that ties them in the period.
 *
 * @param weights the number of pieces of evidence by source (only sources with evidence)
 * @param weight all the evidence
 * @param crossSector the two organisations are of different kinds
 * @param referralsAToB referrals from organisation A to organisation B (for display; B to A in the other)
 */
public record CooperationTie(long organisationA, String nameA, long organisationB, String nameB,
        Map<TieSource, Integer> weights, int weight, boolean crossSector, int referralsAToB, int referralsBToA) {
}
