package it.labimpact.identity;

import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The editable fields of a user account. */
public record UserData(
        @NotBlank @Pattern(regexp = "^[a-zA-Z0-9._@-]{3,80}$", message = "{user.username.invalid}") String username,
        @NotBlank @Size(max = 120) String displayName,
        @Email @Size(max = 200) String email,
        @NotNull Role role,
        @NotNull ScopeType scope,
        String networkCode,
        Long organisationId,
        @Size(max = 200) String oidcSubject) {
}
