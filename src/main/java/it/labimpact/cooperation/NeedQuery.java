package it.labimpact.cooperation;

import java.time.LocalDate;

/** Filters of the needs list; any may be {@code null}. {@code from}/{@code to} filter on the day raised. */
public record NeedQuery(String network, NeedTheme theme, NeedStatus status, LocalDate from, LocalDate to) {
}
