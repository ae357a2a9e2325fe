package it.labimpact.report;

import java.time.Instant;

/**
 * A network's note on a period (nota della rete), printed in the periodic report.
 *
 * @param version the optimistic-locking version, to send back when changing the note
 */
public record ReportNote(String periodCode, String networkCode, String text, String updatedBy, Instant updatedAt,
        int version) {
}
