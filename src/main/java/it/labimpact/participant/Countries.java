package it.labimpact.participant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The country list shipped in {@code participant/countries.csv} (names from the Unicode CLDR data of the
 * JDK, with Kosovo and "stateless" added), for citizenship and country of birth.
 */
public final class Countries {

    private static final Map<String, Country> ALL = load();

    private Countries() {
    }

    public static Optional<Country> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(ALL.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every country, sorted by its name in the given language. */
    public static List<Country> sorted(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return ALL.values().stream().sorted(Comparator.comparing(c -> c.name(locale), collator)).toList();
    }

    private static Map<String, Country> load() {
        Map<String, Country> countries = new LinkedHashMap<>();
        try (InputStream in = Countries.class.getResourceAsStream("/participant/countries.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(";")).forEach(f -> countries.put(f[0],
                    new Country(f[0], f[1], f[2], !Boolean.parseBoolean(f[3]))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(countries);
    }
}
