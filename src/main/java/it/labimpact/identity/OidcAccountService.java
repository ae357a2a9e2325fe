package it.labimpact.identity;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Maps a user authenticated by an OIDC provider (e.g. a region's SPID/CIE gateway) to a platform account.
 * The provider proves who the person is; the platform decides what they may do: an unknown person is
 * refused. The claim used (default {@code email}; {@code fiscal_number} for SPID) is configurable, and
 * an account's {@code oidc_subject} matches first.
 */
@Service
class OidcAccountService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final UserRepository users;
    private final AuditTrail audit;
    private final String claim;

    OidcAccountService(UserRepository users, AuditTrail audit, @Value("${labimpact.oidc.user-claim:email}") String claim) {
        this.users = users;
        this.audit = audit;
        this.claim = claim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        Object value = oidc.getClaims().get(claim);
        String key = value == null ? oidc.getSubject() : value.toString();
        String email = "email".equals(claim) ? key : null;
        UserAccount account = users.byOidc(key, email).filter(UserAccount::enabled).orElse(null);
        if (account == null) {
            audit.recordAs("oidc:" + key, "identity.login.oidc.unknown", "identity_user", null,
                    Map.of("issuer", String.valueOf(oidc.getIssuer())));
            throw new OAuth2AuthenticationException(new OAuth2Error("unknown_user",
                    "No platform account for this identity", null));
        }
        return new OidcAccountPrincipal(account, oidc);
    }

    /** An OIDC user that carries the platform account's role and scope. */
    static final class OidcAccountPrincipal extends DefaultOidcUser implements Actor.Holder {

        private final transient Actor actor;

        OidcAccountPrincipal(UserAccount account, OidcUser oidc) {
            super(AccountPrincipal.authorities(account), oidc.getIdToken(), oidc.getUserInfo());
            this.actor = account.actor();
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.username();
        }
    }
}
