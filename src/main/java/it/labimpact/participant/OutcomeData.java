package it.labimpact.participant;

import java.time.LocalDate;

/**
 * An outcome as entered.
 *
 * @param phase and {@code employmentStatus}: required for {@link OutcomeType#EMPLOYMENT_STATUS}, ignored otherwise
 * @param activityId the activity it came from (of the participant's network), or {@code null}
 */
public record OutcomeData(OutcomeType type, LocalDate date, AssessmentPhase phase, EmploymentStatus employmentStatus,
        Long activityId) {
}
