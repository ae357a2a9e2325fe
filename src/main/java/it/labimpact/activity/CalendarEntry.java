package it.labimpact.activity;

/** A session in the calendar, with the activity it belongs to. */
public record CalendarEntry(SessionView session, String activityTitle, String networkCode, String typeCode,
        ActivityStatus status) {
}
