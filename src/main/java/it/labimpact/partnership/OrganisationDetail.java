package it.labimpact.partnership;

import java.util.List;

/** An organisation with its contacts and memberships. */
public record OrganisationDetail(OrganisationSummary summary, OrganisationData data, int version,
        List<Membership> memberships) {

    /** Membership seen from the organisation. */
    public record Membership(String networkCode, String networkName, MembershipRole role,
            java.time.LocalDate since, java.time.LocalDate until) {
    }
}
