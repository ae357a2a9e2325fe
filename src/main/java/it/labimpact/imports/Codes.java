package it.labimpact.imports;

import it.labimpact.shared.csv.TolerantCsv;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The values of a coded column: the enum's codes (the template's drop-down list) and the words a file may hold for
 * each — the code itself, with spaces for underscores, and its label on the pages in Italian and English.
 */
record Codes<E extends Enum<E>>(List<String> codes, Map<String, E> words) {

    static <E extends Enum<E>> Codes<E> of(Class<E> type, MessageSource messages, String labelPrefix) {
        Map<String, E> words = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            for (Locale locale : List.of(Locale.ITALIAN, Locale.ENGLISH)) {
                String label = messages.getMessage(labelPrefix + e.name(), null, null, locale);
                if (label != null) {
                    words.putIfAbsent(TolerantCsv.normalise(label), e);
                }
            }
        }
        for (E e : type.getEnumConstants()) {
            words.put(TolerantCsv.normalise(e.name()), e);
        }
        return new Codes<>(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), Map.copyOf(words));
    }
}
