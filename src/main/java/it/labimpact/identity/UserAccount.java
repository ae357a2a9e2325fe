package it.labimpact.identity;

import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.time.Instant;

/** A user account as administrators see it (never the password hash). */
public record UserAccount(long id, String username, String displayName, String email, Role role, ScopeType scope,
        String networkCode, Long organisationId, String oidcSubject, boolean enabled, Instant lockedUntil,
        Instant lastLoginAt, boolean demo, int version) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }

    public Actor actor() {
        return new Actor(id, username, displayName, role, scope, networkCode, organisationId);
    }
}
