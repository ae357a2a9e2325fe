package it.labimpact.cooperation;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A meeting as lists and the calendar show it.
 *
 * @param invited organisations invited
 * @param present organisations recorded as present
 * @param people people present over all organisations
 * @param pendingDecisions decisions still open or in progress
 */
public record MeetingSummary(long id, long bodyId, String bodyName, GovernanceBodyKind bodyKind,
        String networkCode, LocalDate date, LocalTime startTime, LocalTime endTime, MeetingMode mode, String place,
        MeetingStatus status, int invited, int present, int people, int pendingDecisions, boolean demo) {
}
