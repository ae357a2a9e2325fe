package it.labimpact.cooperation;

import java.time.LocalDate;

/**
 * Filters of the training list; any may be {@code null}. {@code network} is a network code, or
 * {@link #PROJECT} for the project-wide trainings only. {@code from}/{@code to} filter on the end date.
 */
public record TrainingQuery(String network, TrainingTheme theme, LocalDate from, LocalDate to) {

    /** The value of {@code network} that asks for the project-wide trainings. */
    public static final String PROJECT = "project";
}
