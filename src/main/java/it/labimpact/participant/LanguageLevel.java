package it.labimpact.participant;

import java.util.Locale;
import java.util.Optional;

/**
 * Italian L2 proficiency on one ordered scale: the literacy levels used in Italian migrant education before
 * A1 (pre-alfa, alfa, pre-A1), then the CEFR levels A1 to C2. "Improved by at least one level" compares
 * entry and exit on this scale (AMIF result indicator 8).
 */
public enum LanguageLevel {
    PRE_ALPHA, ALPHA, PRE_A1, A1, A2, B1, B2, C1, C2;

    /** Whether {@code exit} is at least one step above {@code entry} on the scale. */
    public static boolean improvedByAtLeastOneLevel(LanguageLevel entry, LanguageLevel exit) {
        return entry != null && exit != null && exit.ordinal() > entry.ordinal();
    }

    /** Steps gained from {@code entry} to {@code exit} (negative when lower). */
    public static int steps(LanguageLevel entry, LanguageLevel exit) {
        return exit.ordinal() - entry.ordinal();
    }

    /** Reads a level as written on a form or a spreadsheet: "a2", "Pre-A1", "pre alfa", "alfabetizzazione". */
    public static Optional<LanguageLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return Optional.ofNullable(switch (s) {
            case "PREALFA", "PREALPHA" -> PRE_ALPHA;
            case "ALFA", "ALPHA", "ALFABETIZZAZIONE" -> ALPHA;
            case "PREA1" -> PRE_A1;
            case "A1" -> A1;
            case "A2" -> A2;
            case "B1" -> B1;
            case "B2" -> B2;
            case "C1" -> C1;
            case "C2" -> C2;
            default -> null;
        });
    }
}
