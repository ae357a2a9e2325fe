package it.labimpact.participant;

import java.time.LocalDate;

/**
 * A recorded assessment.
 *
 * @param languageLevel set for {@link AssessmentKind#ITALIAN_L2}
 * @param digCompLevel set for {@link AssessmentKind#DIGCOMP}
 */
public record Assessment(long id, java.util.UUID participantId, AssessmentKind kind, AssessmentPhase phase,
        LocalDate date, LanguageLevel languageLevel, DigCompLevel digCompLevel, DigCompLevel.Area area,
        AssessmentInstrument instrument, CertificationBody certificationBody, Long activityId,
        Long assessorOrganisationId, String recordedBy, int version) {

    /** The level as shown: "A2", "PRE_A1", or the DigComp number. */
    public String level() {
        return kind == AssessmentKind.ITALIAN_L2 ? languageLevel.name() : String.valueOf(digCompLevel.level());
    }
}
