package it.labimpact.shared;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person acting in the current request: who, with which role, over which scope.
 *
 * <p>Built by the identity module at login; read by every module that must scope records to a network.
 *
 * @param networkCode the network of a network- or organisation-scoped user, otherwise {@code null}
 * @param organisationId the organisation of an organisation-scoped user, otherwise {@code null}
 */
public record Actor(long userId, String username, String displayName, Role role, ScopeType scope,
        String networkCode, Long organisationId) {

    /** Implemented by the security principals that carry an actor. */
    public interface Holder {
        Actor actor();
    }

    /** The actor of the current request, if an authenticated user is acting. */
    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Holder holder) {
            return Optional.of(holder.actor());
        }
        return Optional.empty();
    }

    /** The actor of the current request; fails when nobody is logged in (a bug in the access policy). */
    public static Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated actor"));
    }

    /**
     * Runs {@code action} as {@code actor} on this thread, outside any request (start-up jobs such as the demo
     * data), then puts the previous security context back.
     */
    /**
     * The platform itself, for work no person started (reacting to another module's event, scheduled jobs):
     * sees the whole project; the audit trail names it {@code system}.
     */
    public static final Actor SYSTEM = new Actor(0, "system", "Lab'Impact", Role.COORDINATOR, ScopeType.PROJECT,
            null, null);

    public static void runAs(Actor actor, Runnable action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Holder holder = () -> actor;
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder, null,
                List.of(new SimpleGrantedAuthority(actor.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Sees every network's records. */
    public boolean seesWholeProject() {
        return scope == ScopeType.PROJECT;
    }

    /** May read records held by the given network. */
    public boolean canRead(String network) {
        return seesWholeProject() || (networkCode != null && networkCode.equals(network));
    }

    /** May change a network's composition (members, comuni covered). */
    public boolean canManageNetwork(String network) {
        return role == Role.COORDINATOR || role == Role.ADMIN
                || (role == Role.NETWORK_LEAD && network != null && network.equals(networkCode));
    }

    /** May change reference data and the project's organisations. */
    public boolean canManageProject() {
        return role == Role.COORDINATOR || role == Role.ADMIN;
    }
}
