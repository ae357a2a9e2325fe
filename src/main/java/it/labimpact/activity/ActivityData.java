package it.labimpact.activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of an activity, validated the same way on pages and API. Rules that need the
 * database (type, comune, organisations members of the network, sessions within the dates) are checked by
 * {@link ActivityManagement}.
 *
 * @param leadOrganisationId the organisation that leads the activity, a member of the network
 * @param organisationIds the other member organisations that deliver it with the lead (may be empty)
 * @param languages ISO 639-1 codes of the languages it is delivered in ({@code it}, {@code ar}, …)
 * @param version the version read, when changing an activity; ignored when creating one
 */
public record ActivityData(
        @NotBlank @Size(min = 3, max = 200) String title,
        @NotBlank String typeCode,
        @NotBlank String networkCode,
        @NotNull Long leadOrganisationId,
        List<Long> organisationIds,
        @NotBlank @Pattern(regexp = "^[0-9]{6}$", message = "{activity.comune.invalid}") String comuneIstat,
        @Size(max = 300) String venue,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "{activity.hours.positive}")
        @DecimalMax(value = "99999", message = "{activity.hours.max}")
        @Digits(integer = 5, fraction = 2, message = "{activity.hours.digits}") BigDecimal plannedHours,
        List<String> languages,
        @Positive(message = "{activity.capacity.positive}") @Max(100000) Integer capacity,
        @Size(max = 500) String targetGroup,
        @Size(max = 4000) String description,
        @NotNull ActivityStatus status,
        Integer version) {

    /** Every organisation that delivers the activity, the lead first, without repetitions. */
    public List<Long> allOrganisations() {
        java.util.LinkedHashSet<Long> all = new java.util.LinkedHashSet<>();
        if (leadOrganisationId != null) {
            all.add(leadOrganisationId);
        }
        if (organisationIds != null) {
            organisationIds.stream().filter(java.util.Objects::nonNull).forEach(all::add);
        }
        return List.copyOf(all);
    }
}
