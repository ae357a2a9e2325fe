package it.labimpact.partnership;

/** An organisation that may be added to a network: it has never been a member of it. */
public record MemberCandidate(long id, String name, OrganisationKind kind) {
}
