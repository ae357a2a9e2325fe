package it.labimpact.cooperation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The editable fields of a governance body, validated the same way on pages and API. Rules that need the
 * database (the network, the organisations, one steering group and one table per network) are checked by
 * {@link GovernanceBodies}.
 *
 * @param networkCode the network the body works for; blank or {@code null} for a project-wide body
 * @param organisationIds the member organisations
 * @param version the version read, when changing a body; ignored when creating one
 */
public record GovernanceBodyData(
        @NotNull GovernanceBodyKind kind,
        String networkCode,
        @NotBlank @Size(min = 3, max = 200) String name,
        @Size(max = 2000) String description,
        List<Long> organisationIds,
        Boolean active,
        Integer version) {

    /** The member organisations without repetitions. */
    public List<Long> members() {
        return organisationIds == null ? List.of()
                : organisationIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The network code, {@code null} when blank. */
    public String network() {
        return networkCode == null || networkCode.isBlank() ? null : networkCode.strip();
    }
}
