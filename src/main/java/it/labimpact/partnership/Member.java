package it.labimpact.partnership;

import java.time.LocalDate;

/** An organisation's membership of a network. */
public record Member(long id, long organisationId, String organisationName, OrganisationKind kind,
        MembershipRole role, LocalDate since, LocalDate until, int version) {

    /** Still a member today. */
    public boolean active() {
        return until == null || !until.isBefore(LocalDate.now());
    }
}
