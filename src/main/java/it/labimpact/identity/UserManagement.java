package it.labimpact.identity;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.OrganisationDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: created, changed, disabled, unlocked by administrators; every change audited. */
@Service
@Transactional
public class UserManagement {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 12;

    private final UserRepository users;
    private final Partnership partnership;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserManagement(UserRepository users, Partnership partnership, PasswordEncoder passwords, AuditTrail audit) {
        this.users = users;
        this.partnership = partnership;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> search(String text) {
        return users.search(text);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> account(long id) {
        return users.byId(id);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> account(String username) {
        return users.byUsername(username);
    }

    /** Creates an account; {@code password} may be {@code null} for an OIDC-only account. */
    public long create(UserData data, String password) {
        checkScope(data);
        if (users.exists(data.username())) {
            throw new RuleViolationException("username", "user.username.taken");
        }
        String hash = null;
        if (password != null && !password.isEmpty()) {
            checkPassword(data.username(), password);
            hash = passwords.encode(password);
        } else if (data.oidcSubject() == null || data.oidcSubject().isBlank()) {
            throw new RuleViolationException("password", "user.password.required");
        }
        long id = users.insert(data, hash, false);
        audit.record("identity.user.create", "identity_user", id, details(data));
        return id;
    }

    public void update(long id, int version, UserData data) {
        UserAccount current = users.byId(id).orElseThrow(() -> new RecordNotFoundException("user", id));
        checkScope(data);
        if (!current.username().equals(data.username().toLowerCase()) && users.exists(data.username())) {
            throw new RuleViolationException("username", "user.username.taken");
        }
        if (users.update(id, version, data) == 0) {
            throw new ConcurrentEditException("user", id);
        }
        audit.record("identity.user.update", "identity_user", id, details(data));
    }

    public void resetPassword(long id, String password) {
        UserAccount account = users.byId(id).orElseThrow(() -> new RecordNotFoundException("user", id));
        checkPassword(account.username(), password);
        users.setPassword(id, passwords.encode(password));
        users.unlock(id);
        audit.record("identity.user.password", "identity_user", id, Map.of());
    }

    public void setEnabled(long id, int version, boolean enabled) {
        users.byId(id).orElseThrow(() -> new RecordNotFoundException("user", id));
        if (users.setEnabled(id, version, enabled) == 0) {
            throw new ConcurrentEditException("user", id);
        }
        audit.record(enabled ? "identity.user.enable" : "identity.user.disable", "identity_user", id, Map.of());
    }

    public void unlock(long id) {
        users.byId(id).orElseThrow(() -> new RecordNotFoundException("user", id));
        users.unlock(id);
        audit.record("identity.user.unlock", "identity_user", id, Map.of());
    }

    /** Creates a demo account (default run only) or the first administrator, without an acting user. */
    long createDemoOrBootstrap(UserData data, String password, boolean demo) {
        return users.insert(data, passwords.encode(password), demo);
    }

    static void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new RuleViolationException("password", "user.password.length", MIN_PASSWORD);
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw new RuleViolationException("password", "user.password.username");
        }
    }

    private void checkScope(UserData d) {
        if (!d.role().allows(d.scope())) {
            throw new RuleViolationException("scope", "user.scope.role");
        }
        if (d.scope() == ScopeType.PROJECT) {
            return;
        }
        if (d.networkCode() == null || partnership.network(d.networkCode()).isEmpty()) {
            throw new RuleViolationException("networkCode", "user.network.unknown");
        }
        if (d.scope() == ScopeType.ORGANISATION) {
            Optional<OrganisationDetail> org = d.organisationId() == null ? Optional.empty()
                    : partnership.organisation(d.organisationId());
            boolean member = org.map(o -> o.memberships().stream()
                    .anyMatch(m -> m.networkCode().equals(d.networkCode()))).orElse(false);
            if (!member) {
                throw new RuleViolationException("organisationId", "user.organisation.notMember");
            }
        }
    }

    private static Map<String, Object> details(UserData d) {
        return Map.of("username", d.username().toLowerCase(), "role", d.role().name(), "scope", d.scope().name(),
                "network", String.valueOf(d.networkCode()), "organisation", String.valueOf(d.organisationId()));
    }
}
