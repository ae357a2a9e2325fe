package it.labimpact.cooperation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One operator on a training's attendance list: who (surname, given name, organisation), role, hours.
 *
 * @param hoursAttended hours present; {@code null} means the training's full hours
 * @param roleOther the role in words, required when {@code role} is {@link TrainingRole#OTHER}
 */
public record TrainingAttendeeData(
        @NotBlank @Size(max = 100) String surname,
        @NotBlank @Size(max = 100) String givenName,
        @NotNull Long organisationId,
        @NotNull TrainingRole role,
        @Size(max = 100) String roleOther,
        @DecimalMin(value = "0", message = "{training.attendee.hours.negative}")
        @DecimalMax(value = "9999", message = "{training.hours.max}")
        @Digits(integer = 4, fraction = 2, message = "{training.hours.digits}") BigDecimal hoursAttended) {
}
