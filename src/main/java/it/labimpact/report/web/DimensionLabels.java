package it.labimpact.report.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityTypeView;
import it.labimpact.indicator.Dimension;
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
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Human labels for breakdown keys: network and province names, countries, sexes, actions, activity types. */
@Component
class DimensionLabels {

    private final MessageSource messages;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final ActivityCatalogue activities;

    DimensionLabels(MessageSource messages, Partnership partnership, TerritoryCatalogue territory,
            ActivityCatalogue activities) {
        this.messages = messages;
        this.partnership = partnership;
        this.territory = territory;
        this.activities = activities;
    }

    /** A labeller for the keys of one dimension, in the user's language. */
    Function<String, String> of(Dimension dimension, Collection<String> keys, Locale locale) {
        Function<String, String> named = switch (dimension) {
            case NETWORK -> networkNames()::get;
            case PROVINCE -> territory.provinces().stream()
                    .collect(Collectors.toMap(Province::code, Province::name))::get;
            case COMUNE -> comuneNames(keys)::get;
            case ACTIVITY_TYPE -> activities.types().stream()
                    .collect(Collectors.toMap(ActivityTypeView::code, t -> t.label(locale)))::get;
            case CITIZENSHIP -> code -> country(code, locale);
            case SEX, ACTION, VULNERABILITY -> code -> message("dashboard.key." + dimension.name().toLowerCase(Locale.ROOT)
                    + "." + code, locale);
            case AGE_BAND -> code -> code;
        };
        return key -> {
            if (Dimension.NOT_APPLICABLE.equals(key)) {
                return message("dashboard.key.na", locale);
            }
            String label = named.apply(key);
            return label == null ? key : label;
        };
    }

    /** Network code to name, in the partnership's order. */
    Map<String, String> networkNames() {
        return partnership.networkNames();
    }

    /** ISTAT code to comune name, for the given codes. */
    Map<String, String> comuneNames(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (!codes.isEmpty()) {
            List<Comune> comuni = territory.allComuni(new ComuneQuery(null, null, codes));
            comuni.forEach(c -> names.put(c.istatCode(), c.name() + " (" + c.provinceSigla() + ")"));
        }
        return names;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String country(String code, Locale locale) {
        if (code == null || code.length() != 2) {
            return code;
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }
}
