package it.labimpact.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An entry with everything needed to show it: to an editor (Italian texts, state, translation states) or to a
 * visitor (texts in their language with fallback).
 *
 * @param texts the texts in the language asked for, Italian where a translation is missing
 * @param translations per language tag and field, the translation's state (editors only; empty for visitors)
 * @param stale published and not checked for longer than the configured time
 */
public record EntryView(UUID id, EntryKind kind, String networkCode, long organisationId, String organisationName,
        EntryStatus status, List<DirectoryCategory> categories, boolean free, List<String> languages, String email,
        String phone, String url, Instant startsAt, Instant endsAt, Map<TextField, LocalisedText> texts,
        List<Location> locations, List<EntryData.Opening> openings, List<EntryData.Closure> closures,
        LocalDate lastCheckedOn, String lastCheckedBy, Instant updatedAt, int version, boolean stale,
        Map<String, Map<TextField, TranslationState>> translations) {

    /** A place with its comune's name and province. */
    public record Location(UUID id, String name, String address, String postalCode, String comuneIstat,
            String comuneName, String provinceSigla, double latitude, double longitude) {
    }

    /** The text of a field, or {@code null}. */
    public LocalisedText text(TextField field) {
        return texts.get(field);
    }

    /** The name, never {@code null}. */
    public String name() {
        LocalisedText t = texts.get(TextField.NAME);
        return t == null ? "" : t.value();
    }
}
