package it.labimpact.bench;

import it.labimpact.LabImpactApplication;
import it.labimpact.identity.ApiTokens;
import it.labimpact.identity.UserAccount;
import it.labimpact.identity.UserData;
import it.labimpact.identity.UserManagement;
import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;

/**
 * The HTTP benchmark under load (issue "Spreadsheet import, realistic data at scale, and the performance record",
 * part "Benchmarks"): latency percentiles, requests per second and errors of the main pages and API endpoints at a
 * fixed number of concurrent connections, measured with {@code wrk} on loopback against the scale data.
 *
 * <p>Starts the application (demo data off, on {@code 127.0.0.1} and a fixed port) against the persistent embedded
 * PostgreSQL of {@code bench/data/<size>} that {@code bench/indicators.sh} generated, creates or resets two bench
 * accounts (an administrator and an operator of the network with the most participants) with passwords generated for
 * this run, logs them in over HTTP and gives each an API token valid one day. Each target is warmed up, then loaded
 * by {@code wrk} with {@code bench/http.lua} (credentials passed in the environment). Afterwards, with the load off,
 * it records the statements of a few sequential requests of each target (the indicator harness's statement
 * recorder). Writes {@code bench/out/http-<size>.md}. Run it with {@code bench/http.sh}; it is not a test.
 */
public final class HttpBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ADMIN = "bench-admin";
    private static final String OPERATOR = "bench-operator";
    /** wrk's timeout: a request answered later counts as an error (a timeout). */
    private static final int TIMEOUT_S = 10;

    private final String size;
    private final String duration;
    private final String warmup;
    private final int connections;
    private final int threads;
    private final String quarter;
    private final String only;
    private final String dashboardCache;
    private final int port;
    private final boolean gzip;
    private final Path out = Path.of("bench", "out");
    private final StringBuilder report = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** How a target authenticates. */
    enum Auth { NONE, ADMIN_SESSION, OPERATOR_SESSION, ADMIN_TOKEN, OPERATOR_TOKEN }

    /** One URL under load. */
    record Target(String name, String path, Auth auth) {
    }

    /** What wrk measured for one target, with the server's CPU time while it ran. */
    record Result(Target target, Map<String, String> wrk, double appCpuMs, double dbCpuMs, String loadAfter) {

        long num(String key) {
            return Long.parseLong(wrk.getOrDefault(key, "0"));
        }

        double rps() {
            return num("requests") / (num("duration_us") / 1e6);
        }

        long errors() {
            return num("non2xx") + num("connect") + num("read") + num("write") + num("timeout");
        }
    }

    private HttpBenchmark(Map<String, String> args) {
        this.size = args.getOrDefault("size", "full");
        this.duration = args.getOrDefault("duration", "60s");
        this.warmup = args.getOrDefault("warmup", "5s");
        this.connections = Integer.parseInt(args.getOrDefault("connections", "50"));
        this.threads = Integer.parseInt(args.getOrDefault("threads", "2"));
        this.quarter = args.getOrDefault("quarter", "2026-Q2");
        this.only = args.getOrDefault("only", "");
        this.dashboardCache = args.getOrDefault("dashboard-cache",
                applicationSetting("labimpact.dashboard.cache-seconds", "0"));
        this.port = Integer.parseInt(args.getOrDefault("port", "small".equals(size) ? "25481" : "25480"));
        this.gzip = Boolean.parseBoolean(args.getOrDefault("gzip", "false"));
        if (!size.equals("small") && !size.equals("full")) {
            throw new IllegalArgumentException("--size small|full");
        }
    }

    /** Options as {@code bench/http.sh} documents them ({@code --name value} pairs). */
    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        int status = new HttpBenchmark(args).run();
        System.exit(status);
    }

    private int run() throws Exception {
        Path dataDir = Path.of("bench", "data", size, "postgres");
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalStateException(dataDir + " is missing: run bench/indicators.sh --size " + size
                    + " first (it generates the data)");
        }
        progress("starting the application on %s, http://127.0.0.1:%d", dataDir, port);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LabImpactApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(c -> c.getBeanFactory()
                        .addBeanPostProcessor(new IndicatorBenchmark.StatementRecorder()))
                .run("--labimpact.embedded-db.ephemeral=false",
                        "--labimpact.embedded-db.data-dir=" + dataDir,
                        "--labimpact.embedded-db.port=" + (port + 10),
                        // the keys the synthetic data was sealed with (bench/indicators.sh keeps them with the data)
                        "--labimpact.vault.generate-if-missing=false",
                        "--labimpact.vault.key-dir=" + Path.of("bench", "data", size, "keys"),
                        "--labimpact.demo.enabled=false",
                        // the test class path carries the tests' configuration (dashboards not cached): the
                        // application's own setting, or the one asked for
                        "--labimpact.dashboard.cache-seconds=" + dashboardCache,
                        "--server.address=127.0.0.1",
                        "--server.port=" + port,
                        "--server.tomcat.mbeanregistry.enabled=true",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        // wrk closes its connections at the end of a run, some answers are cut short
                        "--logging.level.it.labimpact.shared.web.ApiProblemHandler=ERROR");
        progress("started in %.1f s", (System.nanoTime() - t0) / 1e9);
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            long participants = queryLong(ds, "select count(*) from participant");
            String network = queryString(ds, "select network_code from participant group by network_code"
                    + " order by count(*) desc, network_code limit 1");
            Map<Auth, String> credentials = credentials(ctx, network);
            List<Target> targets = targets(network);
            describe(ds, participants, network);
            for (Target t : targets) {
                check(t, credentials);
            }
            List<Result> results = new ArrayList<>();
            for (Target t : targets) {
                progress("warm-up %s (%s)", t.name(), warmup);
                wrk(t, credentials, warmup);
                long waited = drain();
                if (waited > 1000) {
                    progress("  the server finished the warm-up's requests %.1f s after it", waited / 1e3);
                }
                progress("measuring %s (%s, %d connections)", t.name(), duration, connections);
                Result r = measure(t, credentials);
                results.add(r);
                progress("  %s", line(r));
            }
            table(results);
            statements(ds, targets, credentials);
            Files.createDirectories(out);
            Path file = out.resolve("http-" + size + ".md");
            Files.writeString(file, report);
            progress("report written to %s", file);
            return results.stream().allMatch(r -> r.errors() == 0) ? 0 : 1;
        } finally {
            ctx.close();
        }
    }

    /** A setting as the application's own configuration (src/main/resources/application.yaml) gives it. */
    private static String applicationSetting(String key, String otherwise) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(Path.of("src", "main", "resources", "application.yaml")));
        Properties p = yaml.getObject();
        return p == null ? otherwise : p.getProperty(key, otherwise);
    }

    private List<Target> targets(String network) {
        List<Target> all = List.of(
                new Target("dashboard (project)", "/dashboard", Auth.ADMIN_SESSION),
                new Target("dashboard of a network", "/dashboard/networks/" + network, Auth.ADMIN_SESSION),
                new Target("activities", "/activities", Auth.ADMIN_SESSION),
                new Target("participants (network operator)", "/participants", Auth.OPERATOR_SESSION),
                new Target("indicators", "/indicators", Auth.ADMIN_SESSION),
                new Target("a network", "/networks/" + network, Auth.ADMIN_SESSION),
                new Target("open data (public)", "/open-data", Auth.NONE),
                new Target("API activities", "/api/v1/activities", Auth.ADMIN_TOKEN),
                new Target("API participants (network operator)", "/api/v1/participants", Auth.OPERATOR_TOKEN),
                new Target("API indicator values", "/api/v1/indicators/values?period=" + quarter, Auth.ADMIN_TOKEN),
                new Target("API networks", "/api/v1/networks", Auth.ADMIN_TOKEN));
        if (only.isBlank()) {
            return all;
        }
        List<String> wanted = List.of(only.split(","));
        return all.stream().filter(t -> wanted.stream().anyMatch(w -> t.path().contains(w) || t.name().contains(w)))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------- accounts

    /**
     * The two bench accounts, created (or their password reset) with a password generated for this run, their session
     * cookies (logged in over HTTP, as a browser does) and one-day API tokens.
     */
    private Map<Auth, String> credentials(ConfigurableApplicationContext ctx, String network) throws Exception {
        UserManagement users = ctx.getBean(UserManagement.class);
        ApiTokens tokens = ctx.getBean(ApiTokens.class);
        Map<Auth, String> c = new LinkedHashMap<>();
        String adminPassword = password();
        String operatorPassword = password();
        UserAccount admin = account(users, new UserData(ADMIN, "Benchmark (amministratore)", null, Role.ADMIN,
                ScopeType.PROJECT, null, null, null), adminPassword);
        UserAccount operator = account(users, new UserData(OPERATOR, "Benchmark (operatore)", null, Role.OPERATOR,
                ScopeType.NETWORK, network, null, null), operatorPassword);
        c.put(Auth.NONE, "");
        c.put(Auth.ADMIN_SESSION, login(ADMIN, adminPassword));
        c.put(Auth.OPERATOR_SESSION, login(OPERATOR, operatorPassword));
        c.put(Auth.ADMIN_TOKEN, token(tokens, admin));
        c.put(Auth.OPERATOR_TOKEN, token(tokens, operator));
        progress("accounts %s and %s (operator of %s) logged in; API tokens created", ADMIN, OPERATOR, network);
        return c;
    }

    private static UserAccount account(UserManagement users, UserData data, String password) {
        Actor.runAs(Actor.SYSTEM, () -> {
            Optional<UserAccount> existing = users.account(data.username());
            if (existing.isPresent()) {
                users.resetPassword(existing.get().id(), password);
            } else {
                users.create(data, password);
            }
        });
        return users.account(data.username()).orElseThrow();
    }

    private static String token(ApiTokens tokens, UserAccount a) {
        String[] secret = new String[1];
        Actor actor = new Actor(a.id(), a.username(), a.displayName(), a.role(), a.scope(), a.networkCode(),
                a.organisationId());
        Actor.runAs(actor, () -> secret[0] = tokens.create("bench " + Instant.now(), 1).secret());
        return secret[0];
    }

    private static String password() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Logs in through the login form (CSRF token included); returns the session cookie "NAME=value". */
    private String login(String username, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page).orElseThrow(() -> new IllegalStateException("no session cookie"));
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = post.headers().firstValue("Location").orElse("");
        if (post.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + post.statusCode() + " " + location);
        }
        return sessionCookie(post).orElse(cookie);
    }

    private static Optional<String> sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("LABIMPACT_SESSION="))
                .map(v -> v.substring(0, v.indexOf(';') < 0 ? v.length() : v.indexOf(';'))).findFirst();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------- load

    /** One request of the target with its credentials: it must answer 200 before it is loaded. */
    private void check(Target t, Map<Auth, String> credentials) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request(t, credentials), HttpResponse.BodyHandlers.ofByteArray());
        long ms = (System.nanoTime() - start) / 1_000_000;
        progress("  %-40s %d, %,d bytes, first request %d ms", t.path(), r.statusCode(), r.body().length, ms);
        if (r.statusCode() != 200) {
            progress("  WARNING: %s answers %d (%s)", t.path(), r.statusCode(),
                    r.headers().firstValue("Location").orElse(""));
        }
    }

    private HttpRequest request(Target t, Map<Auth, String> credentials) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(t.path())).header("Accept-Language", "it")
                .timeout(Duration.ofSeconds(60));
        String credential = credentials.get(t.auth());
        switch (t.auth()) {
            case ADMIN_SESSION, OPERATOR_SESSION -> b.header("Cookie", credential);
            case ADMIN_TOKEN, OPERATOR_TOKEN -> b.header("Authorization", "Bearer " + credential);
            case NONE -> { }
        }
        return b.GET().build();
    }

    private Result measure(Target t, Map<Auth, String> credentials) throws Exception {
        double app0 = appCpuMs();
        double db0 = dbCpuMs();
        Map<String, String> wrk = wrk(t, credentials, duration);
        long waited = drain(); // the CPU time of the requests still in progress counts too
        double app = appCpuMs() - app0;
        double db = dbCpuMs() - db0;
        if (waited > 1000) {
            progress("  the server finished the run's requests %.1f s after it", waited / 1e3);
        }
        return new Result(t, wrk, app, db, Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** Runs wrk with bench/http.lua for {@code time}; the values of its RESULT line. */
    private Map<String, String> wrk(Target t, Map<Auth, String> credentials, String time) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + time,
                "--timeout", TIMEOUT_S + "s", "-s", "bench/http.lua", uri(t.path()).toString())
                .redirectErrorStream(true);
        String credential = credentials.get(t.auth());
        switch (t.auth()) {
            case ADMIN_SESSION, OPERATOR_SESSION -> pb.environment().put("BENCH_COOKIE", credential);
            case ADMIN_TOKEN, OPERATOR_TOKEN -> pb.environment().put("BENCH_BEARER", credential);
            case NONE -> { }
        }
        if (gzip) {
            pb.environment().put("BENCH_GZIP", "1");
        }
        Process p = pb.start();
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l; (l = in.readLine()) != null; ) {
                output.append(l).append('\n');
                if (l.startsWith("RESULT ")) {
                    for (String kv : l.substring(7).trim().split(" ")) {
                        int eq = kv.indexOf('=');
                        values.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
            }
        }
        if (p.waitFor() != 0 || values.isEmpty()) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return values;
    }

    /** CPU time of this JVM (the application server). */
    private static double appCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    /**
     * CPU time of the embedded PostgreSQL: the postmaster (its pid is the first line of {@code postmaster.pid}), its
     * children and the children it has reaped.
     */
    private double dbCpuMs() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(Path.of("bench", "data", size, "postgres",
                    "postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    long[] stat = stat(proc);
                    if (stat != null && (stat[0] == postmaster || proc.getFileName().toString()
                            .equals(String.valueOf(postmaster)))) {
                        ticks += stat[1];
                    }
                }
            }
            return ticks * 10.0; // USER_HZ = 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {parent pid, utime + stime + cutime + cstime} of a process, or null when it has gone. */
    private static long[] stat(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state, ppid, ... utime is field 14 of stat, that is f[11]
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])
                    + Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits (up to two minutes) until the server has no request in progress: wrk stops at the end of its run without
     * waiting for the answers, and a slow target would otherwise still be served during the next one's run.
     *
     * @return the milliseconds waited
     */
    private static long drain() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        long start = System.nanoTime();
        while (System.nanoTime() - start < 120_000_000_000L) {
            int busy = 0;
            for (ObjectName pool : jmx.queryNames(new ObjectName("Tomcat:type=ThreadPool,*"), null)) {
                busy += ((Number) jmx.getAttribute(pool, "currentThreadsBusy")).intValue();
            }
            if (busy == 0) {
                break;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    // ---------------------------------------------------------------------------------------------------- report

    private void describe(DataSource ds, long participants, String network) throws Exception {
        report.append("## HTTP under load — run of ").append(Instant.now()).append(" (size ").append(size)
                .append(")\n\n");
        report.append("Machine: ").append(machine()).append("  \n");
        report.append("PostgreSQL: ").append(queryString(ds, "select version()")).append("  \n");
        report.append(String.format(Locale.ROOT, "Data: %,d participants, %,d attendance rows, %,d activities, "
                + "%,d sessions; network user of %s (%,d participants)  %n", participants,
                queryLong(ds, "select count(*) from participant_attendance"),
                queryLong(ds, "select count(*) from activity_activity"),
                queryLong(ds, "select count(*) from activity_session"), network,
                queryLong(ds, "select count(*) from participant where network_code = '" + network + "'")));
        report.append("Load: `wrk -t").append(threads).append(" -c").append(connections).append(" -d")
                .append(duration).append(" --timeout ").append(TIMEOUT_S)
                .append("s -s bench/http.lua`, each target after a ").append(warmup)
                .append(" warm-up at the same concurrency; wrk runs on the same machine (loopback)")
                .append(gzip ? ", asking for compressed answers (Accept-Encoding: gzip)" : ", uncompressed answers")
                .append(". Dashboards cached")
                .append(" for ")
                .append(dashboardCache).append(" s (`labimpact.dashboard.cache-seconds`).  \n");
        report.append("Load average before: `").append(Files.readString(Path.of("/proc/loadavg")).trim())
                .append("`\n\n");
    }

    private void table(List<Result> results) {
        String head = String.format(Locale.ROOT, "%-38s %8s %8s %8s %8s %8s %7s %9s %9s", "target", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "req/s", "errors", "app ms/r", "db ms/r");
        System.out.println();
        System.out.println(head);
        report.append("| target | path | p50 ms | p95 ms | p99 ms | max ms | requests/s | requests | errors (non-2xx,"
                + " socket) | app CPU ms/request | db CPU ms/request | load after | goal |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Result r : results) {
            System.out.println(line(r));
            report.append(String.format(Locale.ROOT,
                    "| %s | `%s` | %s | %s | %s | %.0f | %.1f | %,d | %d (%s) | %.2f | %.2f | %s | %s |%n",
                    r.target().name(), r.target().path(), pct(r, 50), pct(r, 95), pct(r, 99),
                    r.num("max_us") / 1000.0, r.rps(), r.num("requests"), r.errors(), codes(r),
                    perRequest(r.appCpuMs(), r),
                    perRequest(r.dbCpuMs(), r), r.loadAfter().split(" ")[0], met(r) ? "met" : "**missed**"));
        }
        System.out.println();
        report.append("\nGoal: p95 under 100 ms and no error for every target. \"app/db CPU ms/request\": CPU time"
                + " of the application's JVM and of PostgreSQL's processes during the measured run, divided by the"
                + " requests served (the machine has ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; wrk uses part of them).\n\n");
    }

    private static String codes(Result r) {
        String codes = r.wrk().getOrDefault("codes", "");
        return String.format(Locale.ROOT, "non-2xx %s%s, socket %d", r.num("non2xx"),
                codes.isEmpty() ? "" : " " + codes, r.num("connect") + r.num("read") + r.num("write")
                        + r.num("timeout"));
    }

    private String line(Result r) {
        return String.format(Locale.ROOT, "%-38s %8s %8s %8s %8.0f %8.1f %7d %9.2f %9.2f",
                r.target().name(), pct(r, 50), pct(r, 95), pct(r, 99), r.num("max_us") / 1000.0, r.rps(),
                r.errors(), perRequest(r.appCpuMs(), r), perRequest(r.dbCpuMs(), r));
    }

    /**
     * A percentile in milliseconds; wrk keeps no latency above its timeout (it counts a timeout instead), so a
     * percentile that falls among the timeouts is shown as "> timeout".
     */
    private static String pct(Result r, int percentile) {
        if (r.num("requests") == 0 || r.num("timeout") > (100 - percentile) / 100.0 * r.num("requests")) {
            return "> " + TIMEOUT_S * 1000;
        }
        return String.format(Locale.ROOT, "%.1f", r.num("p" + percentile + "_us") / 1000.0);
    }

    private static boolean met(Result r) {
        return r.errors() == 0 && r.num("requests") > 0 && r.num("p95_us") < 100_000;
    }

    private static double perRequest(double ms, Result r) {
        return r.num("requests") == 0 ? 0 : ms / r.num("requests");
    }

    /**
     * With the load off: records the statements of a few sequential requests of each target and lists their number,
     * database time and the slowest.
     */
    private void statements(DataSource ds, List<Target> targets, Map<Auth, String> credentials) throws Exception {
        int n = 5;
        report.append("Statements per request (recorded over ").append(n).append(" sequential requests after the load,"
                + " the execution time of each as the driver sees it):\n\n"
                + "| target | request ms (median) | statements / request | database ms / request | slowest statement"
                + " (ms, start) |\n|---|---:|---:|---:|---|\n");
        progress("statements per request (%d sequential requests each):", n);
        StringBuilder plans = new StringBuilder();
        for (Target t : targets) {
            List<Long> times = new ArrayList<>();
            IndicatorBenchmark.StatementRecorder.start();
            try {
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    http.send(request(t, credentials), HttpResponse.BodyHandlers.discarding());
                    times.add((System.nanoTime() - s) / 1_000_000);
                }
            } finally {
                IndicatorBenchmark.StatementRecorder.stop();
            }
            List<IndicatorBenchmark.Recorded> rec = new ArrayList<>(IndicatorBenchmark.StatementRecorder.recorded());
            double db = rec.stream().mapToDouble(IndicatorBenchmark.Recorded::ms).sum();
            times.sort(Comparator.naturalOrder());
            Optional<IndicatorBenchmark.Recorded> slowest = rec.stream()
                    .max(Comparator.comparingDouble(IndicatorBenchmark.Recorded::ms));
            String head = slowest.map(r -> String.format(Locale.ROOT, "%.1f ms `%s`", r.ms(),
                    abbreviate(r.sql()).replace("|", "\\|"))).orElse("");
            progress("  %-38s %5d ms  %5.1f statements  %7.1f ms db  %s", t.name(), times.get(n / 2),
                    rec.size() / (double) n, db / n, slowest.map(r -> abbreviate(r.sql())).orElse(""));
            report.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %s |%n", t.name(), times.get(n / 2),
                    rec.size() / (double) n, db / n, head));
            slowest.filter(r -> r.sql().strip().toLowerCase(Locale.ROOT).startsWith("select") && r.ms() >= 5)
                    .ifPresent(r -> plans.append(String.format(Locale.ROOT,
                            "%s, %.1f ms:%n%n```sql%n%s%n```%n%n```%n%s```%n%n", t.name(), r.ms(), r.sql().strip(),
                            explain(ds, r))));
        }
        report.append('\n');
        if (!plans.isEmpty()) {
            report.append("Plans of the slowest statements of 5 ms or more (`explain (analyze, buffers)`, run again"
                    + " after the requests):\n\n").append(plans);
        }
    }

    /** {@code explain (analyze, buffers)} of a recorded statement with its parameters, in a transaction rolled back. */
    private static String explain(DataSource ds, IndicatorBenchmark.Recorded r) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("explain (analyze, buffers) " + r.sql())) {
                for (Map.Entry<Integer, Object> p : r.params().entrySet()) {
                    ps.setObject(p.getKey(), p.getValue());
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return "(could not explain: " + e.getMessage() + ")\n";
        }
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.substring(0, Math.min(120, s.length()));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("?");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + " RAM, Java "
                + System.getProperty("java.version") + ", heap max "
                + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB";
    }

    private static long queryLong(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String queryString(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[http] " + format + "%n", args);
        System.out.flush();
    }
}
