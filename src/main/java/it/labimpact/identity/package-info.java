/**
 * Identity and access: user accounts with a role and a scope, form login (rate-limited, locked after
 * repeated failures), optional OIDC login (so a region can plug SPID/CIE through its identity provider),
 * API bearer tokens stored hashed, and the one central access policy every request goes through.
 *
 * <p>Tables: {@code identity_user}, {@code identity_api_token}. Depends on {@code partnership} (to check
 * that a scope names a real network and organisation) and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package it.labimpact.identity;
