package it.labimpact.partnership;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The editable fields of an organisation, validated the same way on pages and API. */
public record OrganisationData(
        @NotBlank @Size(min = 2, max = 300) String name,
        @NotNull OrganisationKind kind,
        @Pattern(regexp = "^$|^[0-9]{11}$", message = "{organisation.taxCode.invalid}") String taxCode,
        @Pattern(regexp = "^$|^[0-9]{6}$", message = "{organisation.seat.invalid}") String seatIstat,
        @Size(max = 300) String address,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "^$|^[+0-9 ./()-]{5,30}$", message = "{organisation.phone.invalid}") String phone,
        @Pattern(regexp = "^$|^https?://\\S{3,250}$", message = "{organisation.website.invalid}") String website) {
}
