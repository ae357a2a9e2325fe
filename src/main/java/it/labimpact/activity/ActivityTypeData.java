package it.labimpact.activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The editable fields of an activity type. The code cannot change once created.
 *
 * @param active in use for new activities; {@code null} (an unticked box) means not
 *
 * @param version the version read, when changing a type; ignored when creating one
 */
public record ActivityTypeData(
        @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$", message = "{activityType.code.invalid}") String code,
        @NotBlank @Pattern(regexp = "^0[123]$", message = "{activityType.action.invalid}") String action,
        @NotBlank @Size(min = 2, max = 200) String labelIt,
        @NotBlank @Size(min = 2, max = 200) String labelEn,
        @Pattern(regexp = "^$|^[A-Z][A-Z0-9_]{1,39}$", message = "{activityType.countsFor.invalid}") String countsFor,
        @NotNull @DecimalMin(value = "0.01", message = "{activityType.threshold.range}")
        @DecimalMax(value = "1.00", message = "{activityType.threshold.range}") BigDecimal completionThreshold,
        Boolean active,
        Integer version) {
}
