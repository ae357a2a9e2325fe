package it.labimpact.activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A session of an activity: its day, optional times and venue, and its hours — when left empty, the hours
 * between the start and end times.
 *
 * @param version the version read, when changing a session; ignored when adding one
 */
public record SessionData(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime startTime,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime endTime,
        @DecimalMin(value = "0", inclusive = false, message = "{session.hours.range}")
        @DecimalMax(value = "24", message = "{session.hours.range}")
        @Digits(integer = 2, fraction = 2, message = "{session.hours.range}") BigDecimal hours,
        @Size(max = 300) String venue,
        Integer version) {
}
