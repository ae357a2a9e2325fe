package it.labimpact.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A training as listed.
 *
 * @param networkCode {@code null} for a project-wide training
 * @param attendees operators on its attendance list
 * @param trained those among them present for at least 70 % of its hours
 */
public record TrainingSummary(long id, String title, TrainingTheme theme, String networkCode, String networkName,
        long organiserOrganisationId, String organiserName, LocalDate startDate, LocalDate endDate,
        BigDecimal hours, TrainingMode mode, int attendees, int trained) {
}
