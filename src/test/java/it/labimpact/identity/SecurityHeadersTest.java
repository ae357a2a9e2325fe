package it.labimpact.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * Security headers and the session cookie, checked on a real server (the cookie attributes are set by the
 * servlet container, not by the application).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    private static final String SESSION_COOKIE = "LABIMPACT_SESSION";
    private static final String PASSWORD = "Headers-test-password-42";
    private static final Pattern CSRF_FIELD = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void clearActor() {
        TestActors.clear();
    }

    @Test
    void pagesAndApiResponsesCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/actuator/health", "/networks", "/api/v1/networks")) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isIn(200, 302, 401);
            String csp = header(response, "Content-Security-Policy");
            assertThat(directive(csp, "frame-ancestors")).as(path + " CSP frame-ancestors").contains("frame-ancestors 'none'");
            assertThat(directive(csp, "script-src")).as(path + " CSP script-src")
                    .contains("'self'").doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
            assertThat(directive(csp, "object-src")).as(path + " CSP object-src").contains("'none'");
            assertThat(header(response, "X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(response, "Referrer-Policy")).as(path).isIn("same-origin", "strict-origin",
                    "strict-origin-when-cross-origin", "no-referrer");
        }
    }

    @Test
    void sessionCookieIsHttpOnlySecureAndSameSiteLax() throws Exception {
        createUser("headers.operator", Role.OPERATOR);

        Session session = login("headers.operator");

        assertThat(session.loginResponse().statusCode()).isEqualTo(302);
        assertThat(header(session.loginResponse(), "Location")).matches("^(https?://[^/]+)?/$");
        String cookie = session.setCookie();
        assertThat(cookie).as("Set-Cookie of the logged-in session").isNotNull();
        List<String> attributes = Arrays.stream(cookie.split(";")).map(String::strip).toList();
        assertThat(attributes).as(cookie).anyMatch(a -> a.equalsIgnoreCase("HttpOnly"));
        assertThat(attributes).as(cookie).anyMatch(a -> a.equalsIgnoreCase("Secure"));
        assertThat(attributes).as(cookie).anyMatch(a -> a.equalsIgnoreCase("SameSite=Lax"));
        assertThat(session.id()).as("session id changes at login").isNotEqualTo(session.anonymousId());
    }

    @Test
    void healthShowsNoDetailsToAnonymousUsers() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components")
                .doesNotContain("details").doesNotContain("db");
    }

    @Test
    void healthShowsDetailsToAdministrators() throws Exception {
        createUser("headers.admin", Role.ADMIN);
        Session admin = login("headers.admin");

        HttpResponse<String> response = get("/actuator/health", admin.cookieHeader());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("components").contains("db");
    }

    /** A logged-in session: the response to the login and the cookies before and after it. */
    record Session(HttpResponse<String> loginResponse, String anonymousId, String setCookie) {

        String id() {
            return setCookie == null ? null : setCookie.split(";", 2)[0].substring(SESSION_COOKIE.length() + 1);
        }

        String cookieHeader() {
            return SESSION_COOKIE + "=" + id();
        }
    }

    private Session login(String username) throws Exception {
        HttpResponse<String> page = get("/login", null);
        assertThat(page.statusCode()).as("login page").isEqualTo(200);
        String anonymousCookie = sessionCookie(page).orElseThrow(
                () -> new AssertionError("no session cookie with the login form: " + page.headers()));
        String anonymousId = anonymousCookie.split(";", 2)[0].substring(SESSION_COOKIE.length() + 1);
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).as("CSRF field in the login form").isTrue();
        Matcher value = VALUE.matcher(field.group());
        assertThat(value.find()).isTrue();
        String csrf = HtmlUtils.htmlUnescape(value.group(1));

        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SESSION_COOKIE + "=" + anonymousId)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new Session(response, anonymousId, sessionCookie(response).orElse(null));
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** One directive of a Content-Security-Policy, e.g. {@code script-src 'self'}, or "" when absent. */
    private static String directive(String csp, String name) {
        assertThat(csp).as("Content-Security-Policy").isNotNull();
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " "))
                .findFirst().orElse("");
    }

    private void createUser(String username, Role role) {
        ScopeType scope = role == Role.OPERATOR ? ScopeType.NETWORK : ScopeType.PROJECT;
        TestActors.actAs(TestActors.admin());
        try {
            users.create(new UserData(username, "User " + username, null, role, scope,
                    scope == ScopeType.NETWORK ? "milano" : null, null, null), PASSWORD);
        } finally {
            TestActors.clear();
        }
    }
}
