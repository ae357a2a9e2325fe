package it.labimpact.cooperation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of an agreement, validated the same way on pages and API. Rules that need the partnership
 * (parties exist, one of them belongs to the network) are checked by {@link Agreements}.
 *
 * @param networkCode the network the agreement belongs to; blank for a project-wide agreement
 * @param partyIds the organisations that signed it, two or more
 * @param version the version read, when changing an agreement; ignored when creating one
 */
public record AgreementData(
        @NotNull AgreementKind kind,
        @NotBlank @Size(min = 3, max = 200) String title,
        String networkCode,
        List<Long> partyIds,
        @NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
        @Size(max = 4000) String scope,
        Integer version) {

    /** The parties without repetitions, in the order given. */
    public List<Long> parties() {
        return partyIds == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(partyIds.stream().filter(Objects::nonNull).toList()));
    }

    /** The network, {@code null} for the whole project. */
    public String network() {
        return networkCode == null || networkCode.isBlank() ? null : networkCode.strip();
    }
}
