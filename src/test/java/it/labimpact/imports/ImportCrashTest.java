package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.counts;
import static it.labimpact.imports.ImportFixtures.iso;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.labimpact.LabImpactApplication;
import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.identity.UserData;
import it.labimpact.identity.UserManagement;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault test (issue 5): the application process killed (SIGKILL) in the middle of a commit leaves the whole file or
 * nothing, the job it left running is shown as failed once the application has started again, and committing the
 * same file again then works.
 *
 * <p>An embedded PostgreSQL runs in this JVM; the application runs as child JVMs on the test class path, pointing at
 * it with the same vault keys: first the command-line import, killed with {@link Process#destroyForcibly()} once the
 * job shows rows processed; then the web application (its start-up marks abandoned jobs failed); then the
 * command-line import again. Minutes rather than seconds (three JVM start-ups), hence the {@code fault} tag: run
 * with {@code ./mvnw -Pfault test}.
 */
@Tag("fault")
// the database is closed after the class, before the context: no background refresh then, and a short wait for a
// connection, so that closing the context at the JVM's exit does not wait 30 s for the closed database
@SpringBootTest(properties = {"labimpact.embedded-db.enabled=false", "labimpact.demo.enabled=false",
    "labimpact.indicators.refresh-every=PT1H", "spring.datasource.hikari.connection-timeout=2000"})
class ImportCrashTest {

    static final int ROWS = 600;
    static final String OPERATOR = "crash.operator.milano";
    static final EmbeddedPostgres PG = startPostgres();
    static final String MASTER_KEY = randomKey();
    static final String PEPPER = randomKey();
    static final Path LOGS = Path.of("target", "fault-logs");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", ImportCrashTest::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("labimpact.vault.master-key", () -> MASTER_KEY);
        registry.add("labimpact.vault.pepper", () -> PEPPER);
    }

    @Autowired
    UserManagement users;

    @Autowired
    ActivityManagement management;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopPostgres() throws IOException {
        PG.close();
    }

    @Test
    void aCommitKilledHalfwayLeavesNothingIsShownFailedAfterRestartAndCanBeRunAgain() throws Exception {
        TestActors.run(TestActors.admin(), () -> users.create(new UserData(OPERATOR, "Crash operator", null,
                Role.OPERATOR, ScopeType.NETWORK, "milano", null, null), "Quite-long-passphrase-42"));
        long course = ImportFixtures.course(management, jdbc, "milano");
        long organisation = ParticipantFixtures.leadOrganisation(jdbc, "milano");
        int notice = ParticipantFixtures.currentNotice(jdbc);
        Files.createDirectories(LOGS);
        Path file = LOGS.resolve("crash.csv");
        Files.write(file, file(course));
        List<String> command = List.of("--import", "--network=milano", "--mode=commit", "--file=" + file,
                "--user=" + OPERATOR, "--organisation=" + organisation, "--consent-notice=" + notice);
        Map<String, Long> before = counts(jdbc);

        // 1. the command-line import, killed once the job shows rows processed
        Process first = child("1-import-killed", command);
        long job = await(Duration.ofMinutes(4), () -> jdbc.sql("""
                select id from imports_job where mode = 'COMMIT' and status = 'RUNNING' and rows_done > 0""")
                .query(Long.class).optional(), first);
        first.destroyForcibly();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Map<String, Long> afterKill = counts(jdbc);
        int done = jdbc.sql("select rows_done from imports_job where id = :id").param("id", job).query(Integer.class)
                .single();
        assertThat(done).isPositive().isLessThan(ROWS);
        assertThat(afterKill).as("the whole file or nothing: nothing, killed at row %d of %d", done, ROWS)
                .isEqualTo(before);
        assertThat(status(job)).isEqualTo("RUNNING");

        // 2. the application started again: the job left running by the dead process is shown as failed
        Process server = child("2-server", List.of("--server.port=0"));
        try {
            await(Duration.ofMinutes(4), () -> Optional.of(status(job)).filter(s -> !s.equals("RUNNING")), server);
            assertThat(status(job)).isEqualTo("FAILED");
            assertThat(jdbc.sql("select finished_at is not null from imports_job where id = :id").param("id", job)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(counts(jdbc)).isEqualTo(before);

        // 3. the same file again: committed whole
        Process again = child("3-import-again", command);
        assertThat(again.waitFor(6, TimeUnit.MINUTES)).as("second import finished").isTrue();
        assertThat(again.exitValue()).as("exit code (log in %s)", LOGS).isEqualTo(ImportCommand.OK);
        Map<String, Long> after = counts(jdbc);
        assertThat(after.get("participant")).isEqualTo(before.get("participant") + ROWS);
        assertThat(after.get("vault")).isEqualTo(before.get("vault") + ROWS);
        assertThat(after.get("enrolment")).isEqualTo(before.get("enrolment") + ROWS);
        assertThat(jdbc.sql("select status from imports_job order by id").query(String.class).list())
                .containsExactly("FAILED", "COMMITTED");
        assertThat(jdbc.sql("select rows_accepted from imports_job where status = 'COMMITTED'")
                .query(Integer.class).single()).isEqualTo(ROWS);
    }

    /** {@link #ROWS} new people, each enrolled in the course. */
    private static byte[] file(long course) {
        List<String> lines = new ArrayList<>(List.of(ImportsTest.EN_HEADER));
        LocalDate birth = LocalDate.of(1970, 1, 1);
        for (int i = 0; i < ROWS; i++) {
            lines.add("Crash" + letters(i) + ",Awa,F," + birth.plusDays(i * 13L) + ",SN,SN,,015146," + iso(10) + ","
                    + course + "," + iso(5));
        }
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String letters(int i) {
        StringBuilder s = new StringBuilder();
        for (char c : String.valueOf(i).toCharArray()) {
            s.append((char) ('a' + (c - '0')));
        }
        return s.toString();
    }

    private String status(long job) {
        return jdbc.sql("select status from imports_job where id = :id").param("id", job).query(String.class)
                .single();
    }

    /** The application in a JVM of its own, on the test class path and this test's database; output to a log. */
    private static Process child(String name, List<String> args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                LabImpactApplication.class.getName(),
                "--spring.datasource.url=" + url(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--labimpact.vault.master-key=" + MASTER_KEY,
                "--labimpact.vault.pepper=" + PEPPER, "--labimpact.demo.enabled=false",
                "--logging.level.root=WARN"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile()).start();
    }

    private static <T> T await(Duration limit, Supplier<Optional<T>> probe, Process child) throws Exception {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child stopped (exit " + child.exitValue() + ") before; logs in " + LOGS);
            }
            Thread.sleep(50);
        }
        child.destroyForcibly();
        throw new AssertionError("nothing after " + limit + "; logs in " + LOGS);
    }

    private static String url() {
        return PG.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
