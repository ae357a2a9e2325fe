package it.labimpact.indicator;

import java.time.Instant;

/**
 * A stored snapshot of approved indicator values.
 *
 * @param network the network, {@code null} for the project
 * @param supersededAt when the quarter was reopened after it, {@code null} while it is current
 */
public record SnapshotInfo(long id, String periodCode, String network, Instant takenAt, String takenBy,
        Instant supersededAt) {
}
