package it.labimpact.participant;

import java.util.Locale;

/**
 * A country (ISO 3166-1 alpha-2) with its Italian and English names. {@code XK} (Kosovo) and {@code XX}
 * (stateless) are user-assigned codes in common use.
 *
 * @param thirdCountry not a member state of the European Union (DOMAIN.md: third-country nationals)
 */
public record Country(String code, String nameIt, String nameEn, boolean thirdCountry) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameIt;
    }
}
