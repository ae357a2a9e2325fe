package it.labimpact.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * API tokens: a bearer token authenticates an API call on its own (no session, no CSRF token), acts with
 * its owner's role, is stored only as a SHA-256 hash, and stops working when revoked, expired or when its
 * owner is disabled.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenTest {

    private static final String PASSWORD = "Token-owner-password-42";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserManagement users;

    @Autowired
    ApiTokens tokens;

    @AfterEach
    void clearActor() {
        TestActors.clear();
    }

    @Test
    void bearerTokenAuthenticatesWithoutSessionOrCsrf() throws Exception {
        String secret = tokenOf(createUser("token.reader", Role.OPERATOR)).secret();

        MvcResult result = mvc.perform(get("/api/v1/networks").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("\"cremasca\"", "\"milano\"");
        assertThat(result.getRequest().getSession(false)).as("no session is created").isNull();
        assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).as("no cookie is set").isEmpty();
        assertThat(jdbc.sql("select last_used_at is not null from identity_api_token where token_prefix = :p")
                .param("p", secret.substring(0, 10)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() {
        ApiTokens.Created created = tokenOf(createUser("token.busy", Role.OPERATOR));
        String lastUse = "select last_used_at::text from identity_api_token where id = :id";

        jdbc.sql("update identity_api_token set last_used_at = now() - interval '30 seconds' where id = :id")
                .param("id", created.id()).update();
        String recent = jdbc.sql(lastUse).param("id", created.id()).query(String.class).single();
        assertThat(tokens.authenticate(created.secret())).isPresent();
        assertThat(jdbc.sql(lastUse).param("id", created.id()).query(String.class).single())
                .as("a use 30 seconds after the last one is not written").isEqualTo(recent);

        jdbc.sql("update identity_api_token set last_used_at = now() - interval '2 minutes' where id = :id")
                .param("id", created.id()).update();
        String old = jdbc.sql(lastUse).param("id", created.id()).query(String.class).single();
        assertThat(tokens.authenticate(created.secret())).isPresent();
        assertThat(jdbc.sql(lastUse).param("id", created.id()).query(String.class).single())
                .as("a use two minutes after the last one is written").isNotEqualTo(old);
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        assertUnauthorized(mvc.perform(get("/api/v1/networks")).andReturn().getResponse());
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() {
        ApiTokens.Created created = tokenOf(createUser("token.hashed", Role.OPERATOR));

        Map<String, Object> row = jdbc.sql("select * from identity_api_token where id = :id")
                .param("id", created.id()).query().singleRow();
        String everything = jdbc.sql("select t::text from identity_api_token t").query(String.class).list()
                .toString();

        assertThat(everything).doesNotContain(created.secret());
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.sha256(created.secret()));
        assertThat((String) row.get("token_hash")).matches("[0-9a-f]{64}");
        assertThat(created.secret()).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);
    }

    @Test
    void revokedTokenIsRefused() throws Exception {
        UserAccount owner = createUser("token.revoked", Role.OPERATOR);
        ApiTokens.Created created = tokenOf(owner);
        assertThat(status(created.secret())).isEqualTo(200);

        TestActors.actAs(owner.actor());
        tokens.revoke(created.id());
        TestActors.clear();

        assertUnauthorized(call(created.secret()));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        ApiTokens.Created created = tokenOf(createUser("token.expired", Role.OPERATOR));
        assertThat(status(created.secret())).isEqualTo(200);

        jdbc.sql("update identity_api_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", created.id()).update();

        assertUnauthorized(call(created.secret()));
    }

    @Test
    void garbageTokensAreRefused() throws Exception {
        for (String garbage : List.of("garbage", ApiTokens.PREFIX + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                ApiTokens.PREFIX, "")) {
            assertUnauthorized(call(garbage));
        }
    }

    @Test
    void tokenOfADisabledUserIsRefused() throws Exception {
        UserAccount owner = createUser("token.disabled", Role.OPERATOR);
        ApiTokens.Created created = tokenOf(owner);
        assertThat(status(created.secret())).isEqualTo(200);

        TestActors.actAs(TestActors.admin());
        users.setEnabled(owner.id(), owner.version(), false);
        TestActors.clear();

        assertUnauthorized(call(created.secret()));
    }

    @Test
    void anotherUserCannotRevokeMyToken() {
        ApiTokens.Created mine = tokenOf(createUser("token.mine", Role.OPERATOR));
        UserAccount other = createUser("token.other", Role.NETWORK_LEAD);

        TestActors.actAs(other.actor());
        assertThatThrownBy(() -> tokens.revoke(mine.id())).isInstanceOf(RecordNotFoundException.class);
        TestActors.clear();

        assertThat(jdbc.sql("select revoked_at is null from identity_api_token where id = :id")
                .param("id", mine.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void tokenActsWithItsOwnersRole() throws Exception {
        String operator = tokenOf(createUser("token.operator", Role.OPERATOR)).secret();
        String admin = tokenOf(createUser("token.admin", Role.ADMIN)).secret();

        MockHttpServletResponse healthAsOperator = mvc.perform(get("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)).andReturn().getResponse();
        MockHttpServletResponse healthAsAdmin = mvc.perform(get("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)).andReturn().getResponse();
        MockHttpServletResponse pageWithToken = mvc.perform(get("/admin/users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)).andReturn().getResponse();
        MockHttpServletResponse asAdmin = mvc.perform(get("/api/v1/organisations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)).andReturn().getResponse();

        assertThat(healthAsOperator.getContentAsString()).as("operator token: no health details")
                .doesNotContain("components");
        assertThat(healthAsAdmin.getContentAsString()).as("admin token: health details").contains("components")
                .contains("db");
        assertThat(pageWithToken.getStatus()).as("a token does not open pages").isIn(302, 401);
        assertThat(pageWithToken.getContentAsString()).doesNotContain("token.admin");
        assertThat(asAdmin.getStatus()).as("admin token on the API").isEqualTo(200);
    }

    private UserAccount createUser(String username, Role role) {
        ScopeType scope = role == Role.OPERATOR || role == Role.NETWORK_LEAD ? ScopeType.NETWORK : ScopeType.PROJECT;
        TestActors.actAs(TestActors.admin());
        try {
            long id = users.create(new UserData(username, "User " + username, null, role, scope,
                    scope == ScopeType.NETWORK ? "milano" : null, null, null), PASSWORD);
            return users.account(id).orElseThrow();
        } finally {
            TestActors.clear();
        }
    }

    private ApiTokens.Created tokenOf(UserAccount owner) {
        TestActors.actAs(owner.actor());
        try {
            return tokens.create("test client", 30);
        } finally {
            TestActors.clear();
        }
    }

    private MockHttpServletResponse call(String secret) throws Exception {
        return mvc.perform(get("/api/v1/networks").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andReturn().getResponse();
    }

    private int status(String secret) throws Exception {
        return call(secret).getStatus();
    }

    private static void assertUnauthorized(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401");
        assertThat(response.getContentAsString()).doesNotContain("\"cremasca\"");
    }
}
