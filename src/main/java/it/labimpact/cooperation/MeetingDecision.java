package it.labimpact.cooperation;

import java.time.LocalDate;

/**
 * A decision taken at a meeting, with the organisation that owns it and its follow-up.
 *
 * @param overdue still to be done and past its due day
 * @param canManage whether the current actor may update its follow-up
 */
public record MeetingDecision(long id, long meetingId, LocalDate meetingDate, long bodyId, String bodyName,
        String networkCode, String text, long ownerOrganisationId, String ownerName, LocalDate dueOn,
        MeetingDecisionStatus status, String note, int version, boolean overdue, boolean canManage) {
}
