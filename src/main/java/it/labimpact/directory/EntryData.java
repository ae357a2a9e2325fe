package it.labimpact.directory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An entry as an editor writes it, texts in Italian (the source). Times of events are local to Europe/Rome.
 *
 * @param networkCode the network that holds it; {@code null} for a network-scoped editor (their own network)
 * @param languages BCP 47 tags of the languages spoken at the desk or in the event
 * @param italian the Italian texts; name and description are required to publish
 * @param version the version read, for optimistic locking ({@code null} when creating)
 */
public record EntryData(EntryKind kind, String networkCode, long organisationId, Set<DirectoryCategory> categories,
        boolean free, List<String> languages, String email, String phone, String url, LocalDateTime startsAt,
        LocalDateTime endsAt, Map<TextField, String> italian, List<Place> locations, List<Opening> openings,
        List<Closure> closures, Integer version) {

    /**
     * A place in a comune; without coordinates, the comune's centroid is used.
     *
     * @param comune the comune's ISTAT code or its name
     */
    public record Place(String name, String address, String postalCode, String comune, Double latitude,
            Double longitude) {
    }

    /** Open on a weekday (1 = Monday … 7 = Sunday) from {@code opens} to {@code closes}. */
    public record Opening(int weekday, LocalTime opens, LocalTime closes) {
    }

    /** An exception to the weekly hours: closed that day ({@code opens} {@code null}) or open at other hours. */
    public record Closure(LocalDate date, LocalTime opens, LocalTime closes, String note) {
    }
}
