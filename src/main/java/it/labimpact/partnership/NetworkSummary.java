package it.labimpact.partnership;

/**
 * A territorial network with its coverage figures.
 *
 * @param tcnResidents third-country residents over the covered comuni that have the figure loaded
 * @param comuniWithTcn how many covered comuni have that figure
 */
public record NetworkSummary(String code, int ordinal, String name, long leadOrganisationId, String leadName,
        int members, int comuni, long population, long tcnResidents, int comuniWithTcn) {
}
