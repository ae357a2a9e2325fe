package it.labimpact.report;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityTypeView;
import it.labimpact.indicator.Cell;
import it.labimpact.indicator.Dimension;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.Province;
import it.labimpact.territory.TerritoryCatalogue;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Readable names for breakdown keys, beside the codes in the exports: network, province, comune and activity-type
 * names, sex, yes/no, the country of a citizenship code, "not applicable".
 */
@Component
class BreakdownLabels {

    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final ActivityCatalogue activities;
    private final MessageSource messages;

    BreakdownLabels(Partnership partnership, TerritoryCatalogue territory, ActivityCatalogue activities,
            MessageSource messages) {
        this.partnership = partnership;
        this.territory = territory;
        this.activities = activities;
        this.messages = messages;
    }

    /** A labeller for the given cells (the comuni among their keys are read in one query). */
    Function<Cell, String> forCells(Collection<Cell> cells, Locale locale) {
        Map<String, String> networks = new HashMap<>();
        partnership.networks().forEach((NetworkSummary n) -> networks.put(n.code(), n.name()));
        Map<String, String> provinces = new HashMap<>();
        territory.provinces().forEach((Province p) -> provinces.put(p.code(), p.name()));
        Map<String, String> types = new HashMap<>();
        activities.types().forEach((ActivityTypeView t) -> types.put(t.code(), t.label(locale)));
        List<String> comuneCodes = cells.stream().filter(c -> c.dimension() == Dimension.COMUNE).map(Cell::key)
                .distinct().toList();
        Map<String, String> comuni = new HashMap<>();
        if (!comuneCodes.isEmpty()) {
            territory.allComuni(new ComuneQuery(null, null, comuneCodes))
                    .forEach((Comune c) -> comuni.put(c.istatCode(), c.name()));
        }
        return cell -> label(cell, locale, networks, provinces, types, comuni);
    }

    private String label(Cell cell, Locale locale, Map<String, String> networks, Map<String, String> provinces,
            Map<String, String> types, Map<String, String> comuni) {
        String key = cell.key();
        if (cell.dimension() == null || key == null) {
            return null;
        }
        if (Dimension.NOT_APPLICABLE.equals(key)) {
            return messages.getMessage("report.key.na", null, locale);
        }
        return switch (cell.dimension()) {
            case NETWORK -> networks.getOrDefault(key, key);
            case PROVINCE -> provinces.getOrDefault(key, key);
            case COMUNE -> comuni.getOrDefault(key, key);
            case ACTIVITY_TYPE -> types.getOrDefault(key, key);
            case ACTION -> messages.getMessage("report.key.action", new Object[] {key}, locale);
            case SEX, VULNERABILITY -> messages.getMessage("report.key." + cell.dimension().name() + "." + key,
                    null, key, locale);
            case CITIZENSHIP -> country(key, locale);
            case AGE_BAND -> key;
        };
    }

    private static String country(String code, Locale locale) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
