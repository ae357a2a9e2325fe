package it.labimpact.activity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An activity as listed. */
public record ActivitySummary(long id, String title, String networkCode, String networkName, ActivityTypeView type,
        String comuneIstat, String comuneName, String provinceSigla, String venue, LocalDate startDate,
        LocalDate endDate, BigDecimal plannedHours, ActivityStatus status, int sessions,
        boolean demo) {
}
