package it.labimpact.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import jakarta.servlet.http.HttpSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Form login: Argon2 password hashes, CSRF, per-account lock after too many failures (3 in the tests),
 * unlock by an administrator, per-address throttle, audit of every attempt; and the account rules that
 * {@link UserManagement#create} enforces.
 */
@SpringBootTest(properties = "labimpact.security.login.per-ip-per-minute=5")
@AutoConfigureMockMvc
class LoginTest {

    private static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserManagement users;

    @Value("${labimpact.security.login.per-ip-per-minute}")
    int perMinute;

    @Value("${labimpact.security.login.max-failures}")
    int maxFailures;

    @AfterEach
    void clearActor() {
        TestActors.clear();
    }

    @Test
    void loginWithTheRightPasswordStartsASession() throws Exception {
        long id = createOperator("login.ok");

        MvcResult result = login(newAddress(), "login.ok", PASSWORD).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        HttpSession session = result.getRequest().getSession(false);
        assertThat(session).as("session").isNotNull();
        SecurityContext context = (SecurityContext) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context).as("security context stored in the session").isNotNull();
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(Actor.Holder.class,
                holder -> {
                    assertThat(holder.actor().userId()).isEqualTo(id);
                    assertThat(holder.actor().role()).isEqualTo(Role.OPERATOR);
                    assertThat(holder.actor().networkCode()).isEqualTo("milano");
                });
        assertThat(context.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(a -> a.startsWith("ROLE_")).containsExactly("ROLE_OPERATOR");
        assertThat(auditActions("login.ok")).contains("identity.login.success");
        assertThat(jdbc.sql("select last_login_at from identity_user where id = :id").param("id", id)
                .query(Timestamp.class).single()).isNotNull();
    }

    @Test
    void lockedAfterThreeFailedLogins() throws Exception {
        assertThat(maxFailures).isEqualTo(3);
        long id = createOperator("login.lock");
        String address = newAddress();

        for (int i = 0; i < maxFailures; i++) {
            assertRefused(login(address, "login.lock", "Wrong-password-" + i).andReturn());
        }

        assertThat(lockedUntil(id)).as("locked_until").isNotNull().isAfter(Instant.now());
        MvcResult rightPassword = login(address, "login.lock", PASSWORD).andReturn();
        assertRefused(rightPassword);
        assertThat(auditActions("login.lock"))
                .contains("identity.login.failure", "identity.login.locked")
                .doesNotContain("identity.login.success");
    }

    @Test
    void unlockedAccountCanLogInAgain() throws Exception {
        long id = createOperator("login.unlock");
        String address = newAddress();
        for (int i = 0; i < maxFailures; i++) {
            login(address, "login.unlock", "Wrong-password-" + i);
        }
        assertThat(lockedUntil(id)).isAfter(Instant.now());

        TestActors.actAs(TestActors.admin());
        users.unlock(id);
        TestActors.clear();

        assertThat(lockedUntil(id)).isNull();
        MvcResult result = login(address, "login.unlock", PASSWORD).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(auditActions("test.admin")).contains("identity.user.unlock");
    }

    @Test
    void throttlesLoginAttemptsFromOneAddress() throws Exception {
        // fixed one-minute windows: retry once if the window changed while the attempts were sent
        for (int round = 0; round < 2; round++) {
            String address = newAddress();
            long minute = System.currentTimeMillis() / 60_000;
            List<Integer> statuses = new ArrayList<>();
            MockHttpServletResponse last = null;
            for (int i = 0; i <= perMinute; i++) {
                last = login(address, "nobody.here", "Wrong-password-" + i).andReturn().getResponse();
                statuses.add(last.getStatus());
            }
            MockHttpServletResponse otherAddress = login(newAddress(), "nobody.here", "Wrong-password")
                    .andReturn().getResponse();
            if (System.currentTimeMillis() / 60_000 != minute) {
                continue;
            }
            assertThat(statuses.subList(0, perMinute)).as("the first %d attempts", perMinute)
                    .containsOnly(302);
            assertThat(statuses.get(perMinute)).as("attempt %d", perMinute + 1).isEqualTo(429);
            assertThat(last.getHeader("Retry-After")).isEqualTo("60");
            assertThat(otherAddress.getStatus()).as("another address").isEqualTo(302);
            return;
        }
        fail("the throttle window changed twice during the test");
    }

    @Test
    void passwordsAreStoredAsArgon2() {
        long id = createOperator("login.argon");

        String hash = jdbc.sql("select password_hash from identity_user where id = :id").param("id", id)
                .query(String.class).single();

        assertThat(hash).startsWith("{argon2}").doesNotContain(PASSWORD);
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        createOperator("login.nocsrf");

        MvcResult result = mvc.perform(post("/login").param("username", "login.nocsrf")
                .param("password", PASSWORD).with(from(newAddress()))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        HttpSession session = result.getRequest().getSession(false);
        assertThat(session == null ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        assertThat(auditActions("login.nocsrf")).doesNotContain("identity.login.success");
    }

    @Test
    void shortPasswordsAreRefused() {
        TestActors.actAs(TestActors.admin());

        assertThatThrownBy(() -> users.create(operator("short.pw"), "Short-pw-1"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.password.length"));
        assertThat(users.account("short.pw")).isEmpty();
    }

    @Test
    void passwordsContainingTheUsernameAreRefused() {
        TestActors.actAs(TestActors.admin());

        assertThatThrownBy(() -> users.create(operator("mario.rossi"), "Mario.Rossi-2026-x"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.password.username"));
    }

    @Test
    void roleAndScopeMustMatch() {
        TestActors.actAs(TestActors.admin());
        UserData operatorOverTheProject = new UserData("scope.mismatch", "Scope Mismatch", null, Role.OPERATOR,
                ScopeType.PROJECT, null, null, null);

        assertThatThrownBy(() -> users.create(operatorOverTheProject, PASSWORD))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.scope.role"));
        assertThat(users.account("scope.mismatch")).isEmpty();
    }

    @Test
    void unknownNetworksAreRefused() {
        TestActors.actAs(TestActors.admin());
        UserData elsewhere = new UserData("no.network", "No Network", null, Role.OPERATOR, ScopeType.NETWORK,
                "atlantide", null, null);

        assertThatThrownBy(() -> users.create(elsewhere, PASSWORD))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.network.unknown"));
        assertThat(users.account("no.network")).isEmpty();
    }

    private long createOperator(String username) {
        TestActors.actAs(TestActors.admin());
        try {
            return users.create(operator(username), PASSWORD);
        } finally {
            TestActors.clear();
        }
    }

    private static UserData operator(String username) {
        return new UserData(username, "Operatore " + username, null, Role.OPERATOR, ScopeType.NETWORK, "milano",
                null, null);
    }

    private ResultActions login(String address, String username,
            String password) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").param("username", username)
                .param("password", password).with(csrf()).with(from(address));
        return mvc.perform(request);
    }

    private static void assertRefused(MvcResult result) {
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        HttpSession session = result.getRequest().getSession(false);
        if (session != null) {
            assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                    .isNull();
        }
    }

    /** Each test logs in from its own client address, so the per-address throttle does not mix them. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.0." + (n / 250) + "." + (n % 250 + 1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Instant lockedUntil(long id) {
        return jdbc.sql("select locked_until from identity_user where id = :id").param("id", id)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    private List<String> auditActions(String actor) {
        return jdbc.sql("select action from audit_event where actor = :a order by id").param("a", actor)
                .query(String.class).list();
    }
}
