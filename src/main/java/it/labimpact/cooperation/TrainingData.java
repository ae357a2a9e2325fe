package it.labimpact.cooperation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a training for operators, the same on pages and API.
 *
 * @param networkCode the network that runs it; blank or {@code null} for a project-wide training
 * @param organiserOrganisationId the organisation that organises it (any organisation of the partnership)
 * @param hours the planned hours: an attendee is trained when present for at least 70 % of them
 * @param version the version read, when changing a training; ignored when creating one
 */
public record TrainingData(
        @NotBlank @Size(min = 3, max = 200) String title,
        @NotNull TrainingTheme theme,
        @NotNull Long organiserOrganisationId,
        String networkCode,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "{training.hours.positive}")
        @DecimalMax(value = "9999", message = "{training.hours.max}")
        @Digits(integer = 4, fraction = 2, message = "{training.hours.digits}") BigDecimal hours,
        @NotNull TrainingMode mode,
        @Size(max = 4000) String description,
        Integer version) {

    /** The network code, {@code null} for a project-wide training. */
    public String network() {
        return networkCode == null || networkCode.isBlank() ? null : networkCode.strip();
    }
}
