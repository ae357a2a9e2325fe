package it.labimpact.territory;

import java.util.Collection;

/**
 * Filters for a list of comuni; any may be {@code null}.
 *
 * @param province province sigla (MI) or code (015)
 * @param name start of the name, case-insensitive
 * @param codes only these ISTAT codes
 */
public record ComuneQuery(String province, String name, Collection<String> codes) {
}
