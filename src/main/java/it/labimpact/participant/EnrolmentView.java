package it.labimpact.participant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An enrolment as read: no personal data, the participant by pseudonymous id.
 *
 * @param attendedHours the hours of the sessions the participant attended
 * @param completionMet whether the attended hours reach the activity's completion threshold
 */
public record EnrolmentView(long id, UUID participantId, long activityId, String networkCode, EnrolmentStatus status,
        String withdrawalReason, LocalDate enrolledOn, LocalDate endedOn, BigDecimal attendedHours,
        BigDecimal plannedHours, boolean completionMet, int version) {
}
