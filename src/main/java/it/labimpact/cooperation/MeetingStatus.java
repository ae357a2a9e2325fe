package it.labimpact.cooperation;

/** Where a meeting stands: only held meetings count for the indicators. */
public enum MeetingStatus {
    PLANNED, HELD, CANCELLED
}
