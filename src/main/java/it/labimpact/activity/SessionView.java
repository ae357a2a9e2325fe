package it.labimpact.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** A session of an activity as shown and returned by the API. */
public record SessionView(long id, long activityId, LocalDate date, LocalTime startTime, LocalTime endTime,
        BigDecimal hours, String venue, int version) {
}
