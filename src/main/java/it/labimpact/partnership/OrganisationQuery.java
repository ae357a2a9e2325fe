package it.labimpact.partnership;

/** Directory filters; any may be {@code null}. {@code text} matches the name anywhere. */
public record OrganisationQuery(String text, OrganisationKind kind, String network, String province) {
}
