package it.labimpact.activity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What other modules need to know of an activity (enrolments, attendance, indicators): no personal data.
 * Not scoped: the caller applies the actor's scope with {@code networkCode}.
 *
 * @param countsFor the indicator code of its type, or {@code null}
 * @param completionThreshold share of {@code plannedHours} a participant attends to complete it
 */
public record ActivityRef(long id, String networkCode, String typeCode, String action, String countsFor,
        BigDecimal plannedHours, BigDecimal completionThreshold, LocalDate startDate, LocalDate endDate,
        ActivityStatus status) {
}
