package it.labimpact;

import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Actors for tests: act as one in a service call, or send a MockMvc request as one. */
public final class TestActors {

    private TestActors() {
    }

    /** A principal carrying an actor, as the identity module builds at login. */
    public record Principal(Actor actor) implements Actor.Holder {
        @Override
        public String toString() {
            return actor.username();
        }
    }

    public static Actor coordinator() {
        return new Actor(1, "test.coordinator", "Test Coordinator", Role.COORDINATOR, ScopeType.PROJECT, null, null);
    }

    public static Actor admin() {
        return new Actor(2, "test.admin", "Test Admin", Role.ADMIN, ScopeType.PROJECT, null, null);
    }

    public static Actor lead(String network) {
        return new Actor(3, "test.lead." + network, "Test Lead", Role.NETWORK_LEAD, ScopeType.NETWORK, network, null);
    }

    public static Actor operator(String network) {
        return new Actor(4, "test.operator." + network, "Test Operator", Role.OPERATOR, ScopeType.NETWORK, network,
                null);
    }

    public static Actor evaluator() {
        return new Actor(5, "test.evaluator", "Test Evaluator", Role.EVALUATOR, ScopeType.PROJECT, null, null);
    }

    /** Makes {@code actor} the current actor of this thread (clear with {@link #clear()}). */
    public static void actAs(Actor actor) {
        SecurityContextHolder.getContext().setAuthentication(token(actor));
    }

    public static void clear() {
        SecurityContextHolder.clearContext();
    }

    /** Runs {@code action} as {@code actor}, then clears the actor. */
    public static void run(Actor actor, Runnable action) {
        call(actor, () -> {
            action.run();
            return null;
        });
    }

    /** Returns what {@code action} returns as {@code actor}, then clears the actor. */
    public static <T> T call(Actor actor, java.util.function.Supplier<T> action) {
        actAs(actor);
        try {
            return action.get();
        } finally {
            clear();
        }
    }

    /** MockMvc: send the request as {@code actor}. */
    public static RequestPostProcessor as(Actor actor) {
        return SecurityMockMvcRequestPostProcessors.authentication(token(actor));
    }

    private static UsernamePasswordAuthenticationToken token(Actor actor) {
        return UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null,
                List.of(new SimpleGrantedAuthority(actor.role().authority())));
    }
}
