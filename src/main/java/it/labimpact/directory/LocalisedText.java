package it.labimpact.directory;

/**
 * A text as a visitor reads it.
 *
 * @param lang the language the value is in (the visitor's, or {@code it} when falling back)
 * @param fallback the visitor asked for another language, which has no reviewed translation
 */
public record LocalisedText(String value, String lang, boolean fallback) {
}
