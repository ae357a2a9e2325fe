package it.labimpact.participant;

import java.time.LocalDate;

/**
 * An assessment as entered.
 *
 * @param level as written: an Italian L2 level ("A2", "pre-A1", "alfa") or a DigComp level ("1" to "8")
 * @param area the DigComp competence area, or {@code null} for an overall level (never for Italian L2)
 * @param certificationBody required with {@link AssessmentInstrument#CERTIFICATION}, otherwise {@code null}
 * @param activityId the activity it belongs to (of the participant's network), or {@code null}
 * @param assessorOrganisationId the organisation that assessed, or {@code null}
 */
public record AssessmentData(AssessmentKind kind, AssessmentPhase phase, LocalDate date, String level,
        DigCompLevel.Area area, AssessmentInstrument instrument, CertificationBody certificationBody, Long activityId,
        Long assessorOrganisationId) {
}
