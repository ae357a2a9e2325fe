package it.labimpact.identity;

import it.labimpact.shared.Actor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user of a form login or an API token: carries the {@link Actor}. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, Actor.Holder {

    private final UserAccount account;
    private String passwordHash;

    AccountPrincipal(UserAccount account, String passwordHash) {
        this.account = account;
        this.passwordHash = passwordHash;
    }

    @Override
    public Actor actor() {
        return account.actor();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(account);
    }

    static List<GrantedAuthority> authorities(UserAccount account) {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return account.lockedUntil() == null || account.lockedUntil().isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
