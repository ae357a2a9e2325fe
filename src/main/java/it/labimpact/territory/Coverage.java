package it.labimpact.territory;

/**
 * Totals over a set of comuni.
 *
 * @param tcnResidents third-country residents summed over the comuni that have the figure
 * @param comuniWithTcn how many of the comuni have a third-country figure loaded
 */
public record Coverage(int comuni, long population, long tcnResidents, int comuniWithTcn) {
}
