package it.labimpact.identity;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and locks the account for a while after too many; audits every
 * interactive login, failed or not.
 */
@Component
class LoginAttempts {

    private final UserRepository users;
    private final AuditTrail audit;
    private final int maxFailures;
    private final int lockMinutes;

    LoginAttempts(UserRepository users, AuditTrail audit,
            @Value("${labimpact.security.login.max-failures:5}") int maxFailures,
            @Value("${labimpact.security.login.lock-minutes:15}") int lockMinutes) {
        this.users = users;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockMinutes = lockMinutes;
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase();
        if (username.length() > 80) {
            username = username.substring(0, 80);
        }
        boolean locked = users.recordFailure(username, maxFailures, lockMinutes);
        audit.recordAs(username, locked ? "identity.login.locked" : "identity.login.failure", "identity_user",
                username, Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    @EventListener
    @Transactional
    public void succeeded(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof Actor.Holder holder) {
            users.recordSuccess(holder.actor().userId());
            audit.recordAs(holder.actor().username(), "identity.login.success", "identity_user",
                    holder.actor().userId(), Map.of());
        }
    }
}
