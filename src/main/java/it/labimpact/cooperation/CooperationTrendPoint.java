package it.labimpact.cooperation;

import java.time.LocalDate;

/**
 * Active and new ties in one quarter ({@code 2026-Q3}), for the trend; {@code approvedAt} set when they are the
 * quarter's approved values (see {@link CooperationFigures#approvedAt()}).
 */
public record CooperationTrendPoint(String quarter, LocalDate from, LocalDate to, int activeTies, int newTies,
        java.time.Instant approvedAt) {
}
