package it.labimpact.indicator;

import java.util.Locale;
import java.util.Set;

/**
 * One indicator of the catalogue, as data ({@code indicator_definition}): labels and definition in Italian and
 * English, the fund reference, the unit, the objective (OS1..OS3) and action it serves, how it counts and the
 * breakdowns it allows. {@code computation} names the reviewed SQL computation in {@code IndicatorEngine} it is
 * bound to, with its {@code parameters} (activity {@code counts_for} codes, outcome types, assessment kinds).
 */
public record IndicatorDefinition(String code, int position, IndicatorKind kind, String fundReference,
        String objective, String action, String labelIt, String labelEn, String unitIt, String unitEn,
        String definitionIt, String definitionEn, CountingRule rule, String computation, java.util.List<String> parameters,
        Set<Dimension> breakdowns) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelIt;
    }

    public String unit(Locale locale) {
        return "en".equals(locale.getLanguage()) ? unitEn : unitIt;
    }

    public String definition(Locale locale) {
        return "en".equals(locale.getLanguage()) ? definitionEn : definitionIt;
    }

    /**
     * Whether the records behind a number can be listed (drill-down): not for a ratio, nor for a density (ties over
     * possible pairs), which are computed from other numbers.
     */
    public boolean hasRecords() {
        return rule != CountingRule.RATIO && !"COOP_DENSITY".equals(computation);
    }

    /** Counts persons, so small cells are suppressed when published. */
    public boolean countsPersons() {
        return rule == CountingRule.PERSONS || rule == CountingRule.RATIO;
    }
}
