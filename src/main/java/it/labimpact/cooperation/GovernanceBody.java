package it.labimpact.cooperation;

import java.util.List;

/**
 * A governance body with its member organisations.
 *
 * @param networkCode the network the body works for; {@code null} for a project-wide body
 * @param canManage whether the current actor may change the body and record its meetings
 */
public record GovernanceBody(long id, GovernanceBodyKind kind, String networkCode, String networkName, String name,
        String description, boolean active, boolean demo, int version, List<Member> members, boolean canManage) {

    /** A member organisation. */
    public record Member(long organisationId, String name, String kind) {
    }

    /** Works for the whole project rather than one network. */
    public boolean projectWide() {
        return networkCode == null;
    }
}
