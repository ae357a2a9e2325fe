package it.labimpact.audit;

import java.time.Instant;

/** One entry of the audit trail, as shown to coordinators. */
public record AuditEntry(long id, Instant at, String actor, String action, String recordType, String recordId,
        String details, String ip) {

    /** When, in Italian local time. */
    public java.time.LocalDateTime localAt() {
        return java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.of("Europe/Rome"));
    }
}
