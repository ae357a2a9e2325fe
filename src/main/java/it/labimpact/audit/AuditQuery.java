package it.labimpact.audit;

import java.time.LocalDate;

/** Filters of the audit search; any may be {@code null}. */
public record AuditQuery(String actor, String action, String recordType, String recordId, LocalDate from,
        LocalDate to) {
}
