package it.labimpact.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID Connect authorization-code flow against a provider running inside the test: discovery,
 * redirect to the provider, code exchange at its token endpoint, RS256 id token checked against its JWKS,
 * then the platform account found by the {@code email} claim decides the role. An unknown person is
 * refused and audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OidcLoginTest {

    private static final String CLIENT_ID = "labimpact-test";
    private static final String CLIENT_SECRET = "provider-secret-for-tests";
    private static final Provider PROVIDER = Provider.start();

    @DynamicPropertySource
    static void oidcClient(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.registration.test.";
        registry.add(prefix + "client-id", () -> CLIENT_ID);
        registry.add(prefix + "client-secret", () -> CLIENT_SECRET);
        registry.add(prefix + "client-name", () -> "Test provider");
        registry.add(prefix + "scope", () -> "openid,email");
        registry.add(prefix + "authorization-grant-type", () -> "authorization_code");
        registry.add("spring.security.oauth2.client.provider.test.issuer-uri", () -> PROVIDER.issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.server.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserManagement users;

    @BeforeEach
    void forgetTokenRequests() {
        PROVIDER.tokenRequests.clear();
    }

    @AfterEach
    void clearActor() {
        TestActors.clear();
    }

    @Test
    void knownPersonLogsInWithTheirPlatformRole() throws Exception {
        long id = createAccount("anna.verdi", "Anna.Verdi@example.org", "provider-subject-anna");

        Authorization authorization = startLogin();
        PROVIDER.issue("code-anna", authorization.nonce(), "provider-subject-anna", "anna.verdi@example.org");
        MvcResult callback = mvc.perform(get("/login/oauth2/code/test").param("code", "code-anna")
                .param("state", authorization.state()).session(authorization.session())).andReturn();

        assertThat(callback.getResponse().getStatus()).isEqualTo(302);
        assertThat(callback.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(PROVIDER.tokenRequests).as("code exchanged at the provider's token endpoint").singleElement()
                .satisfies(request -> {
                    assertThat(request.get("grant_type")).isEqualTo("authorization_code");
                    assertThat(request.get("code")).isEqualTo("code-anna");
                    assertThat(request.get("redirect_uri")).isEqualTo(authorization.redirectUri());
                    assertThat(request.get("client")).isEqualTo(CLIENT_ID + ":" + CLIENT_SECRET);
                });
        Authentication authentication = sessionAuthentication(callback);
        assertThat(authentication).as("authentication in the session").isNotNull();
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_NETWORK_LEAD").noneMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_NETWORK_LEAD"));
        assertThat(authentication.getPrincipal()).isInstanceOfSatisfying(Actor.Holder.class, holder -> {
            assertThat(holder.actor().userId()).isEqualTo(id);
            assertThat(holder.actor().username()).isEqualTo("anna.verdi");
            assertThat(holder.actor().role()).isEqualTo(Role.NETWORK_LEAD);
            assertThat(holder.actor().networkCode()).isEqualTo("milano");
        });
        assertThat(auditActions("anna.verdi")).contains("identity.login.success");
    }

    @Test
    void unknownPersonIsRefusedAndAudited() throws Exception {
        Authorization authorization = startLogin();
        PROVIDER.issue("code-stranger", authorization.nonce(), "provider-subject-stranger", "stranger@example.org");
        MvcResult callback = mvc.perform(get("/login/oauth2/code/test").param("code", "code-stranger")
                .param("state", authorization.state()).session(authorization.session())).andReturn();

        assertThat(callback.getResponse().getStatus()).isEqualTo(302);
        assertThat(callback.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(PROVIDER.tokenRequests).as("the code was exchanged").hasSize(1);
        assertThat(sessionAuthentication(callback)).isNull();
        assertThat(auditActions("oidc:stranger@example.org")).containsExactly("identity.login.oidc.unknown");
    }

    @Test
    void idTokenForAnotherAuthorizationRequestIsRefused() throws Exception {
        createAccount("bruno.neri", "bruno.neri@example.org", "provider-subject-bruno");

        Authorization authorization = startLogin();
        PROVIDER.issue("code-replayed", "nonce-of-another-login", "provider-subject-bruno", "bruno.neri@example.org");
        MvcResult callback = mvc.perform(get("/login/oauth2/code/test").param("code", "code-replayed")
                .param("state", authorization.state()).session(authorization.session())).andReturn();

        assertThat(callback.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(sessionAuthentication(callback)).isNull();
        assertThat(auditActions("bruno.neri")).doesNotContain("identity.login.success");
    }

    /** What the test keeps from the redirect to the provider. */
    record Authorization(MockHttpSession session, String state, String nonce, String redirectUri) {
    }

    private Authorization startLogin() throws Exception {
        MvcResult start = mvc.perform(get("/oauth2/authorization/test")).andReturn();
        assertThat(start.getResponse().getStatus()).isEqualTo(302);
        String location = start.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).startsWith(PROVIDER.issuer + "/authorize?");
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(param(query, "response_type")).isEqualTo("code");
        assertThat(param(query, "client_id")).isEqualTo(CLIENT_ID);
        assertThat(param(query, "scope")).contains("openid");
        assertThat(param(query, "state")).isNotBlank();
        assertThat(param(query, "nonce")).isNotBlank();
        assertThat(param(query, "redirect_uri")).endsWith("/login/oauth2/code/test");
        MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
        assertThat(session).as("session holding the authorization request").isNotNull();
        return new Authorization(session, param(query, "state"), param(query, "nonce"),
                param(query, "redirect_uri"));
    }

    private static String param(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static Authentication sessionAuthentication(MvcResult result) {
        var session = result.getRequest().getSession(false);
        if (session == null) {
            return null;
        }
        SecurityContext context = (SecurityContext) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context == null ? null : context.getAuthentication();
    }

    private long createAccount(String username, String email, String oidcSubject) {
        TestActors.actAs(TestActors.admin());
        try {
            return users.create(new UserData(username, "User " + username, email, Role.NETWORK_LEAD,
                    ScopeType.NETWORK, "milano", null, oidcSubject), null);
        } finally {
            TestActors.clear();
        }
    }

    private List<String> auditActions(String actor) {
        return jdbc.sql("select action from audit_event where actor = :a order by id").param("a", actor)
                .query(String.class).list();
    }

    /**
     * A minimal OpenID provider: discovery, JWKS, token endpoint. The test registers which id token a code
     * gives before the application exchanges it.
     */
    static final class Provider {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        final HttpServer server;
        final String issuer;
        final RSAKey key;
        final Map<String, JWTClaimsSet> codes = new ConcurrentHashMap<>();
        final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

        private Provider(HttpServer server, RSAKey key) {
            this.server = server;
            this.key = key;
            this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        }

        static Provider start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                Provider provider = new Provider(server, new RSAKeyGenerator(2048).keyID("test-key").generate());
                server.createContext("/.well-known/openid-configuration", provider::discovery);
                server.createContext("/jwks", provider::jwks);
                server.createContext("/token", provider::token);
                server.start();
                return provider;
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The id token that {@code code} is exchanged for. */
        void issue(String code, String nonce, String subject, String email) {
            Instant now = Instant.now();
            codes.put(code, new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(CLIENT_ID)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", nonce).claim("email", email).claim("email_verified", true).build());
        }

        private void discovery(HttpExchange exchange) throws IOException {
            Map<String, Object> body = new HashMap<>();
            body.put("issuer", issuer);
            body.put("authorization_endpoint", issuer + "/authorize");
            body.put("token_endpoint", issuer + "/token");
            body.put("jwks_uri", issuer + "/jwks");
            body.put("response_types_supported", List.of("code"));
            body.put("subject_types_supported", List.of("public"));
            body.put("id_token_signing_alg_values_supported", List.of("RS256"));
            body.put("scopes_supported", List.of("openid", "email"));
            body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
            body.put("grant_types_supported", List.of("authorization_code"));
            respond(exchange, 200, JSON.writeValueAsString(body));
        }

        private void jwks(HttpExchange exchange) throws IOException {
            respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> form = new HashMap<>();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorization.startsWith("Basic ")) {
                form.put("client", new String(Base64.getDecoder().decode(authorization.substring(6)),
                        StandardCharsets.UTF_8));
            }
            tokenRequests.add(form);
            JWTClaimsSet claims = codes.remove(String.valueOf(form.get("code")));
            if (!"POST".equals(exchange.getRequestMethod()) || claims == null
                    || !(CLIENT_ID + ":" + CLIENT_SECRET).equals(form.get("client"))) {
                respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            try {
                SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .build(), claims);
                idToken.sign(new RSASSASigner(key));
                respond(exchange, 200, JSON.writeValueAsString(Map.of("access_token", "access-" + form.get("code"),
                        "token_type", "Bearer", "expires_in", 300, "scope", "openid email",
                        "id_token", idToken.serialize())));
            } catch (JOSEException e) {
                respond(exchange, 500, "{\"error\":\"server_error\"}");
            }
        }

        private static void respond(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
