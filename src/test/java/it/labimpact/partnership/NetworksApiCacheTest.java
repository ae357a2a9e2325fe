package it.labimpact.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/networks} is kept while the partnership does not change: the same answer and ETag, 304 for that
 * ETag; a change of coverage or membership (through the screens' facade or by SQL) gives a new answer at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NetworksApiCacheTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    PartnershipManagement management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeEach
    void startFromTheSeededPartnership() {
        PartnershipFixtures.reset(jdbc);
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        PartnershipFixtures.reset(jdbc);
    }

    @Test
    void theSameAnswerAndETagWhileNothingChangesAnd304ForTheETag() throws Exception {
        MockHttpServletResponse first = networks(null);
        MockHttpServletResponse second = networks(null);

        assertThat(first.getStatus()).isEqualTo(200);
        String etag = first.getHeader(HttpHeaders.ETAG);
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(second.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-cache").contains("private");

        MockHttpServletResponse notModified = networks(etag);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aChangeOfCoverageShowsAtOnce() throws Exception {
        MockHttpServletResponse before = networks(null);
        assertThat(network(before, "cremasca").get("comuni").asInt()).isZero();

        TestActors.run(TestActors.coordinator(),
                () -> management.cover("cremasca", List.of("019035", "019036"), "SCREEN"));

        MockHttpServletResponse after = networks(before.getHeader(HttpHeaders.ETAG));
        assertThat(after.getStatus()).as("not 304 after a change").isEqualTo(200);
        assertThat(after.getHeader(HttpHeaders.ETAG)).isNotEqualTo(before.getHeader(HttpHeaders.ETAG));
        JsonNode cremasca = network(after, "cremasca");
        assertThat(cremasca.get("comuni").asInt()).isEqualTo(2);
        assertThat(cremasca.get("population").asLong()).isPositive();

        TestActors.run(TestActors.coordinator(), () -> management.uncover("cremasca", "019036"));
        assertThat(network(networks(null), "cremasca").get("comuni").asInt()).isEqualTo(1);
    }

    @Test
    void aChangeOfMembershipShowsAtOnceAlsoWhenMadeBySql() throws Exception {
        assertThat(network(networks(null), "milano").get("members").asInt()).isEqualTo(1);
        long organisation = TestActors.call(TestActors.coordinator(), () -> management.createOrganisation(
                new OrganisationData("Cache test association", OrganisationKind.THIRD_SECTOR, null, null, null, null,
                        null, null)));
        TestActors.run(TestActors.coordinator(),
                () -> management.addMember("milano", organisation, MembershipRole.PARTNER, null, null));

        MockHttpServletResponse added = networks(null);
        assertThat(added.getStatus()).isEqualTo(200);
        assertThat(network(added, "milano").get("members").asInt()).isEqualTo(2);

        jdbc.sql("update partnership_membership set until = current_date - 1 where organisation_id = :o")
                .param("o", organisation).update();
        assertThat(network(networks(null), "milano").get("members").asInt()).as("an ended membership").isEqualTo(1);
    }

    private MockHttpServletResponse networks(String ifNoneMatch) throws Exception {
        var request = get("/api/v1/networks").with(TestActors.as(TestActors.operator("ghedi")));
        if (ifNoneMatch != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode network(MockHttpServletResponse response, String code) throws Exception {
        for (JsonNode n : json.readTree(response.getContentAsByteArray()).get("items")) {
            if (n.get("code").asString().equals(code)) {
                return n;
            }
        }
        throw new AssertionError("no network " + code);
    }

    /**
     * Two users changing two organisations in opposite orders: the generation's row is locked before each statement's
     * rows, so the second writer waits for the first and both commit (with the lock taken after the statement, the
     * second would hold B while waiting for the generation, the first hold the generation while waiting for B: a
     * deadlock, one of them refused).
     */
    @Test
    void writersInOppositeOrdersBothCommit() throws Exception {
        List<Long> ids = jdbc.sql("select id from partnership_organisation order by id limit 2").query(Long.class).list();
        long a = ids.get(0);
        long b = ids.get(1);
        long before = jdbc.sql("select generation from partnership_state").query(Long.class).single();
        java.util.concurrent.CountDownLatch firstWrote = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> touch(a, b, firstWrote, null));
            var two = pool.submit(() -> touch(b, a, null, firstWrote));
            one.get(30, java.util.concurrent.TimeUnit.SECONDS);
            two.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select generation from partnership_state").query(Long.class).single())
                .isEqualTo(before + 4);
    }

    /** Updates organisation x then y in one transaction; signals after x, or waits before x. */
    private Void touch(long x, long y, java.util.concurrent.CountDownLatch wrote,
            java.util.concurrent.CountDownLatch waitFor) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("set local lock_timeout = '20s'");
                if (waitFor != null) {
                    waitFor.await(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                s.executeUpdate("update partnership_organisation set name = name where id = " + x);
                if (wrote != null) {
                    wrote.countDown();
                    Thread.sleep(500); // the other writer starts its first statement meanwhile
                }
                s.executeUpdate("update partnership_organisation set name = name where id = " + y);
            }
            c.commit();
        }
        return null;
    }
}
