package it.labimpact.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits login attempts per client address (fixed one-minute windows), on top of the per-account lock,
 * so that one address cannot try passwords across many accounts. Over the limit: 429 and the login page
 * says to wait.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private record Window(long minute, AtomicInteger count) {
    }

    /** The form login; matched on the path within the application, whatever the servlet mapping. */
    private static final RequestMatcher LOGIN = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/login");

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    LoginThrottleFilter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(request.getRemoteAddr(),
                (ip, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        if (w.count().incrementAndGet() > perMinute) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            request.getRequestDispatcher("/login?throttled").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
