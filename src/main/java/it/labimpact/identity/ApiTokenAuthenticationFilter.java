package it.labimpact.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} and {@code /actuator/**} requests that carry {@code Authorization: Bearer lip_…};
 * on pages a token is ignored (they need a login session). A bad token is
 * answered 401 at once, so a client never silently falls back to anonymous access.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** Tokens are for machine clients: the API and the actuator (monitoring), never the pages. */
    static final RequestMatcher MACHINE_PATHS = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    ApiTokenAuthenticationFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(MACHINE_PATHS.matches(request) || ACTUATOR.matches(request)) || bearer(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UserAccount> account = tokens.authenticate(bearer(request).orElseThrow());
        if (account.isEmpty()) {
            problems.write(response, 401, "Invalid token", "The bearer token is unknown, expired or revoked.");
            return;
        }
        AccountPrincipal principal = new AccountPrincipal(account.get(), null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.empty();
    }
}
