package it.labimpact.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An entry in a list: public search results (texts in the visitor's language) or an editor's list.
 *
 * @param distanceKm distance from the comune searched, {@code null} without one
 */
public record EntrySummary(UUID id, EntryKind kind, String networkCode, String organisationName, EntryStatus status,
        LocalisedText name, LocalisedText description, List<DirectoryCategory> categories, List<String> languages,
        boolean free, Instant startsAt, Instant endsAt, String comuneName, String address, Double latitude,
        Double longitude, Double distanceKm, LocalDate lastCheckedOn, boolean stale) {
}
