package it.labimpact.activity;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An activity type.
 *
 * @param action the project action it belongs to: {@code 01}, {@code 02} or {@code 03}
 * @param countsFor the code indicators count its participants under, or {@code null}
 * @param completionThreshold share of the planned hours (0–1) a participant attends to complete it
 */
public record ActivityTypeView(String code, String action, String labelIt, String labelEn, String countsFor,
        BigDecimal completionThreshold, boolean active, int version) {

    /** The label in the given language (Italian unless English is asked for). */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelIt;
    }
}
