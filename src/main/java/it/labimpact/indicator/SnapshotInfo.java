package it.labimpact.indicator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A stored snapshot of approved indicator values.
 *
 * @param network the network, {@code null} for the project
 * @param supersededAt when the quarter was reopened after it, {@code null} while it is current
 */
public record SnapshotInfo(long id, String periodCode, String network, Instant takenAt, String takenBy,
        Instant supersededAt) {

    /** When it was taken, in Italian time. */
    public LocalDateTime localTakenAt() {
        return LocalDateTime.ofInstant(takenAt, ZoneId.of("Europe/Rome"));
    }

    /** When it was superseded, in Italian time; {@code null} while current. */
    public LocalDateTime localSupersededAt() {
        return supersededAt == null ? null : LocalDateTime.ofInstant(supersededAt, ZoneId.of("Europe/Rome"));
    }
}
