package it.labimpact.identity;

import it.labimpact.shared.PerThreadSecureRandom;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Wires the access policy, logins, CSRF, security headers and API error responses into one filter chain. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Argon2id for new hashes; bcrypt hashes still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * The default handler of CSRF tokens (each page's token masked with fresh random bytes, against BREACH), drawing
     * the bytes from a generator per request thread: one shared {@code SecureRandom} (NativePRNG by default, a DRBG
     * alike) generates under one lock, and under load the request threads queued there (every page carries a token:
     * the logout form; docs/benchmarks.md, run H).
     */
    private static XorCsrfTokenRequestAttributeHandler csrfTokens() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setSecureRandom(new PerThreadSecureRandom());
        return handler;
    }

    /** Only with a web server (not in the command-line import, which has none). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, ProblemResponses problems,
            ObjectProvider<ClientRegistrationRepository> oidcClients, OidcAccountService oidcAccounts,
            @Value("${labimpact.security.login.per-ip-per-minute:20}") int loginsPerMinute) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
        http.authorizeHttpRequests(AccessPolicy::apply)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::hasBearer)
                        .csrfTokenRequestHandler(csrfTokens()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter((request, response) -> response.setHeader("Permissions-Policy",
                                "geolocation=(self), camera=(), microphone=(), payment=()")))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) -> problems.write(response, 401,
                                "Unauthorized", "Log in, or send a bearer token."), api)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> problems.write(response, 403,
                                "Forbidden", "Your role or scope does not allow this."), api))
                .addFilterBefore(new LoginThrottleFilter(loginsPerMinute, Clock.systemUTC()),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems),
                        UsernamePasswordAuthenticationFilter.class);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").failureUrl("/login?error")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts)));
        }
        return http.build();
    }

    private static boolean hasBearer(HttpServletRequest request) {
        return ApiTokenAuthenticationFilter.bearer(request).isPresent();
    }
}
