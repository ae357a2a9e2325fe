package it.labimpact.cooperation;

import java.time.LocalDate;

/** Active and new ties in one quarter ({@code 2026-Q3}), for the trend. */
public record CooperationTrendPoint(String quarter, LocalDate from, LocalDate to, int activeTies, int newTies) {
}
