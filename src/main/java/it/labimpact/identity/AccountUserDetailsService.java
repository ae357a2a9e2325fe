package it.labimpact.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for the form login. Accounts without a password (OIDC only) cannot log in by form. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AccountUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        return users.byUsername(name)
                .flatMap(account -> users.passwordHash(name).map(hash -> new AccountPrincipal(account, hash)))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}
