package it.labimpact.activity;

import java.time.LocalDate;

/**
 * List filters; any may be {@code null}. A network- or organisation-scoped actor sees their own network
 * whatever {@code network} says.
 *
 * @param action {@code 01}, {@code 02} or {@code 03}
 * @param comune start of the comune's name, case-insensitive
 * @param text words found in the title, venue or target group
 * @param from activities still running on or after this day
 * @param to activities starting on or before this day
 */
public record ActivityQuery(String network, String type, String action, ActivityStatus status, String comune,
        String text, LocalDate from, LocalDate to) {

    /** No filter. */
    public static ActivityQuery all() {
        return new ActivityQuery(null, null, null, null, null, null, null, null);
    }
}
