package it.labimpact.participant;

import java.time.LocalDate;
import java.util.UUID;

/** A recorded outcome. */
public record Outcome(long id, UUID participantId, OutcomeType type, LocalDate date, AssessmentPhase phase,
        EmploymentStatus employmentStatus, Long activityId, String recordedBy, int version) {
}
