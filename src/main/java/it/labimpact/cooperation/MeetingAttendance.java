package it.labimpact.cooperation;

/**
 * An organisation invited to a meeting and, once recorded, whether it was present and with how many people.
 *
 * @param present {@code null} until the attendance is recorded
 */
public record MeetingAttendance(long organisationId, String organisationName, Boolean present, int people) {
}
