package it.labimpact.cooperation;

/**
 * An organisation of the graph: a member of the network (of any network for the project) or an organisation with an
 * active tie.
 *
 * @param kind the organisation's kind ({@code partnership.OrganisationKind} name)
 * @param ties its active ties
 */
public record CooperationNode(long organisationId, String name, String kind, boolean member, int ties,
        boolean bridge, boolean isolate) {
}
