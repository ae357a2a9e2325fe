package it.labimpact.bench;

import it.labimpact.LabImpactApplication;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.shared.Actor;
import it.labimpact.synthetic.SyntheticData;
import it.labimpact.synthetic.SyntheticSize;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The indicator benchmark at scale (issue "Indicators", quality bar "Performance"): the time to compute the full
 * indicator set with all breakdowns for one quarter and for project-to-date, next to the time of one sequential scan
 * of the attendance table, measured in the same run.
 *
 * <p>Starts the application (the web server on a random port: the security configuration needs a servlet context; no
 * request is made) against a persistent embedded PostgreSQL under {@code bench/data/<size>}, fills it once with the
 * synthetic data set of the module {@code synthetic} (deterministic, seed 42, loaded with {@code COPY}), then
 * measures every operation {@code runs} times after one discarded warm-up, and reports the minimum and the median.
 * Afterwards it records the engine's statements during one more computation and explains the slowest.
 * Run it with {@code bench/indicators.sh}; it is not a test (surefire does not pick it up).
 */
public final class IndicatorBenchmark {

    private static final String TODAY = "2026-11-26";

    private final String size;
    private final int participants;
    private final int runs;
    private final int ptdRuns;
    private final String quarter;
    private final double waitLoad;
    private final boolean whatIf;
    private final boolean explainPtd;
    private final boolean rebuild;
    private final Path out;
    private final StringBuilder report = new StringBuilder();
    private final List<String> generationSteps = new ArrayList<>();
    private double loadSeconds = -1;
    private double vacuumSeconds = -1;
    private final boolean generateOnly;
    private String generationLoad = "";
    /** The seed of the benchmark's synthetic data. */
    static final long SEED = 42;

    private IndicatorBenchmark(Map<String, String> args) {
        this.size = args.getOrDefault("size", "full");
        this.participants = switch (size) {
            case "small" -> SyntheticSize.SMALL.participants();
            case "full" -> SyntheticSize.SCALE.participants();
            default -> throw new IllegalArgumentException("--size small|full");
        };
        this.runs = Integer.parseInt(args.getOrDefault("runs", "5"));
        this.ptdRuns = Integer.parseInt(args.getOrDefault("ptd-runs", String.valueOf(runs)));
        this.quarter = args.getOrDefault("quarter", "2026-Q2");
        this.waitLoad = Double.parseDouble(args.getOrDefault("wait-load", "0"));
        this.whatIf = Boolean.parseBoolean(args.getOrDefault("what-if", "false"));
        this.explainPtd = Boolean.parseBoolean(args.getOrDefault("explain-ptd", "false"));
        this.rebuild = Boolean.parseBoolean(args.getOrDefault("rebuild", "false"));
        this.generateOnly = Boolean.parseBoolean(args.getOrDefault("generate-only", "false"));
        this.out = Path.of("bench", "out");
    }

    /**
     * {@code --size small|full} {@code --runs N} {@code --ptd-runs N} (project-to-date, default: runs; 0: not measured)
     * {@code --quarter 2026-Q2} {@code --wait-load 1.0} {@code --explain-ptd true} (explains project-to-date's slowest
 * statements too) {@code --what-if true} (replays the slowest statement with more memory instead of measuring).
     */
    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        int status = new IndicatorBenchmark(args).run();
        System.exit(status);
    }

    private int run() throws Exception {
        Path dataDir = Path.of("bench", "data", size, "postgres");
        progress("starting the application on " + dataDir);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LabImpactApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new StatementRecorder()))
                .run("--labimpact.embedded-db.ephemeral=false",
                        "--labimpact.embedded-db.data-dir=" + dataDir,
                        "--labimpact.embedded-db.port=" + ("small".equals(size) ? 25441 : 25442),
                        "--labimpact.demo.enabled=false",
                        // vault keys kept with the data, so that the people loaded open in later runs
                        "--labimpact.vault.generate-if-missing=false",
                        "--labimpact.vault.key-dir=" + Path.of("bench", "data", size, "keys"),
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        progress("started in %.1f s (Flyway migrations included)", seconds(System.nanoTime() - t0));
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            Indicators indicators = ctx.getBean(Indicators.class);
            ensureData(ctx, ds);
            if (generateOnly) {
                describe(ds);
                Files.createDirectories(out);
                Path file = out.resolve("generate-" + size + ".md");
                Files.writeString(file, report);
                progress("report written to " + file);
                return 0;
            }
            describe(ds);
            waitForLowLoad();
            if (whatIf) {
                whatIf(ds, indicators);
            } else {
                measure(ds, indicators);
                profile(ds, indicators);
            }
            Files.createDirectories(out);
            Path file = out.resolve("indicators-" + size + ".md");
            Files.writeString(file, report);
            progress("report written to " + file);
            return 0;
        } finally {
            ctx.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------- data

    private void ensureData(ConfigurableApplicationContext ctx, DataSource ds) throws SQLException, IOException {
        long present = queryLong(ds, "select count(*) from participant where registered_by in ('synthetic', 'bench')");
        if (present == participants) {
            progress("synthetic data present: %,d participants", present);
            return;
        }
        if (present != 0) {
            throw new IllegalStateException("bench/data/" + size + " holds " + present + " synthetic participants, not "
                    + participants + ": delete the folder and run again");
        }
        SyntheticSize syntheticSize = "small".equals(size) ? SyntheticSize.SMALL : SyntheticSize.SCALE;
        progress("generating the synthetic data set (the synthetic module, COPY, one transaction): size %s, %,d"
                + " participants, seed %d", syntheticSize, participants, SEED);
        generationLoad = Files.readString(Path.of("/proc/loadavg")).trim();
        long total = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            walForLoading(c, true);
        }
        try {
            SyntheticData.Result result = ctx.getBean(SyntheticData.class).load(syntheticSize, SEED,
                    java.time.LocalDate.parse(TODAY));
            for (SyntheticData.Step step : result.steps()) {
                progress("  %-30s %,12d rows %8.1f s %,12.0f rows/s", step.table(), step.rows(), step.seconds(),
                        step.rowsPerSecond());
                generationSteps.add(String.format(Locale.ROOT, "| %s | %,d | %.1f s | %,.0f |", step.table(),
                        step.rows(), step.seconds(), step.rowsPerSecond()));
            }
            progress("  %-30s %21.1f s (commit included)", "load", result.seconds());
            generationSteps.add(String.format(Locale.ROOT, "| all, commit included | %,d | %.1f s | %,.0f |",
                    result.steps().stream().mapToLong(SyntheticData.Step::rows).sum(), result.seconds(),
                    result.steps().stream().mapToLong(SyntheticData.Step::rows).sum() / result.seconds()));
        } finally {
            try (Connection c = ds.getConnection()) {
                walForLoading(c, false);
            }
        }
        long t = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum (analyze)");
        }
        progress("  %-45s %8.1f s", "vacuum (analyze)", seconds(System.nanoTime() - t));
        loadSeconds = seconds(System.nanoTime() - total);
        vacuumSeconds = seconds(System.nanoTime() - t);
        progress("generated in %.1f s", loadSeconds);
    }

    /** Fewer checkpoints while loading (server settings of the benchmark's own database, put back afterwards). */
    private static void walForLoading(Connection c, boolean loading) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (loading) {
                s.execute("alter system set max_wal_size = '16GB'");
                s.execute("alter system set checkpoint_timeout = '1h'");
            } else {
                s.execute("alter system reset max_wal_size");
                s.execute("alter system reset checkpoint_timeout");
            }
            s.execute("select pg_reload_conf()");
        }
    }

    private void describe(DataSource ds) throws SQLException, IOException {
        report.append("## Indicators at scale — run of ").append(Instant.now()).append(" (size ").append(size)
                .append(")\n\n");
        report.append("Machine: ").append(machine()).append("  \n");
        report.append("PostgreSQL: ").append(queryString(ds, "select version()")).append("  \n");
        report.append("Settings: ").append(queryString(ds, "select string_agg(name || '=' || setting || "
                + "coalesce(unit, ''), ', ' order by name) from pg_settings where name in ('shared_buffers', "
                + "'work_mem', 'max_parallel_workers_per_gather', 'max_parallel_workers', 'jit', "
                + "'effective_cache_size', 'random_page_cost')")).append("\n\n");
        if (loadSeconds >= 0) {
            report.append("Generation (the synthetic module through the owners' COPY ports, one transaction, then"
                    + " `vacuum (analyze)`; load average before: ").append(generationLoad).append("): ")
                    .append(String.format(Locale.ROOT, "%.0f s in all, of which vacuum %.0f s.%n%n", loadSeconds,
                            vacuumSeconds));
            report.append("| table | rows | time (drawing, sealing, COPY) | rows/s |\n|---|---:|---:|---:|\n");
            generationSteps.forEach(l -> report.append(l).append('\n'));
            report.append('\n');
        }
        report.append("| table | rows | heap | heap + indexes |\n|---|---:|---:|---:|\n");
        for (String table : List.of("participant", "participant_enrolment", "participant_attendance",
                "participant_assessment", "participant_outcome", "participant_survey_answer", "activity_activity",
                "activity_session", "activity_organisation", "partnership_organisation",
                "partnership_network_comune", "indicator_person_record", "indicator_hit", "indicator_cell")) {
            long rows = queryLong(ds, "select count(*) from " + table);
            String heap = queryString(ds, "select pg_size_pretty(pg_relation_size('" + table + "'))");
            String all = queryString(ds, "select pg_size_pretty(pg_total_relation_size('" + table + "'))");
            report.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s |%n", table, rows, heap, all));
            progress("  %-28s %,12d rows  %10s  %10s", table, rows, heap, all);
        }
        report.append("\nData profile (bench/sql/profile.sql):\n\n```\n");
        String profile = Files.readString(Path.of("bench", "sql", "profile.sql")).replaceAll("(?m)^--.*$", "");
        for (String sql : profile.split(";")) {
            if (!sql.isBlank()) {
                String table = table(ds, sql);
                System.out.print(table.indent(4));
                report.append(table).append('\n');
            }
        }
        report.append("```\n\n");
    }

    private static String table(DataSource ds, String sql) throws SQLException {
        StringBuilder t = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                cols.add(rs.getMetaData().getColumnLabel(i));
            }
            t.append(String.join(" | ", cols)).append('\n');
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                t.append(String.join(" | ", row)).append('\n');
            }
        }
        return t.toString();
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("?");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + " RAM, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    // ---------------------------------------------------------------------------------------------------- timing

    private void waitForLowLoad() throws IOException, InterruptedException {
        if (waitLoad <= 0) {
            return;
        }
        for (int i = 0; i < 60 && load() > waitLoad; i++) {
            progress("load %.2f above %.2f: waiting", load(), waitLoad);
            Thread.sleep(10_000);
        }
    }

    private static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private void measure(DataSource ds, Indicators indicators) throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        progress("measuring: %d runs each after one warm-up; load average before: %s", runs, loadBefore);
        String plan = explain(ds, "select count(*) from participant_attendance");
        progress("plan of the scan:%n%s", plan.indent(4).stripTrailing());

        Period q = indicators.period(quarter);
        Period ptd = indicators.period("PTD");
        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("scan: select count(*) from participant_attendance",
                time(runs, () -> queryLong(ds, "select count(*) from participant_attendance")));
        results.put("scan: select count(*), sum(hours) from participant_attendance",
                time(runs, () -> queryLong(ds, "select count(*), sum(hours) from participant_attendance")));
        String engineNote = "";
        IndicatorResult[] last = new IndicatorResult[2];
        // the store built from all the facts, as after an upgrade that changes a computation: one run; measured when
        // asked (--rebuild true) or when the store has never been built
        if (rebuild || queryLong(ds, "select count(*) from indicator_store_state") == 0) {
            execute(ds, "delete from indicator_store_state");
            results.put("first Indicators.compute(" + q.code() + ") after a change of computations: builds the store"
                    + " from all the facts (one run)", once(() -> compute(indicators, q)));
        }
        results.put("Indicators.compute(" + q.code() + ", all networks)",
                time(runs, () -> last[0] = compute(indicators, q)));
        if (ptdRuns > 0) {
            results.put("Indicators.compute(PTD " + ptd.from() + ".." + ptd.to() + ", all networks)",
                    time(ptdRuns, () -> last[1] = compute(indicators, ptd)));
            engineNote = summary(last[0], last[1]);
        }
        // read after write: one session's register saved again (its presences flipped), then the quarter read
        long session = queryLong(ds, "select s.id from activity_session s where s.session_date between '"
                + q.from() + "' and '" + q.to() + "' and (select count(*) from participant_attendance a"
                + " where a.session_id = s.id) between 12 and 20 order by s.id limit 1");
        long marks = queryLong(ds, "select count(*) from participant_attendance where session_id = " + session);
        results.put("a class register saved (" + marks + " presences of one session changed), then"
                + " Indicators.compute(" + q.code() + ")", time(runs, () -> {
                    execute(ds, "update participant_attendance set present = not present,"
                            + " hours = case when present then 0 else 2 end where session_id = " + session);
                    return compute(indicators, q);
                }));
        // read after a write to the things' facts (activities, organisations, cooperation): one activity's
        // co-delivering organisations saved again (the activity module's feed notes it), then the reads compute the
        // things and cooperation indicators from the facts again and keep them
        long activity = queryLong(ds, "select activity_id from activity_organisation where not lead"
                + " order by activity_id limit 1");
        results.put("an activity's partners saved (the things' facts changed), then Indicators.compute("
                + q.code() + ")", time(runs, () -> {
                    execute(ds, "update activity_organisation set lead = lead where activity_id = " + activity);
                    return compute(indicators, q);
                }));
        if (ptdRuns > 0) {
            results.put("an activity's partners saved (the things' facts changed), then Indicators.compute(PTD)",
                    time(ptdRuns, () -> {
                        execute(ds, "update activity_organisation set lead = lead where activity_id = " + activity);
                        return compute(indicators, ptd);
                    }));
        }
        // an import's worth of changes: 1,000 persons to bring up to date, then the quarter read
        long[] offset = {0};
        results.put("1,000 persons changed (an import), then Indicators.compute(" + q.code() + ")",
                time(runs, () -> {
                    execute(ds, "insert into participant_fact_change select person_id from participant"
                            + " where registered_by in ('synthetic', 'bench') order by id offset " + (offset[0]++ * 1000)
                            + " limit 1000 on conflict do nothing");
                    return compute(indicators, q);
                }));
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

        double scan = results.values().iterator().next()[0];
        report.append("Load average (/proc/loadavg) before: `").append(loadBefore).append("`, after: `")
                .append(loadAfter).append("`.\n\n");
        report.append(String.format(Locale.ROOT, "Runs after one warm-up: %d (project-to-date: %d).%n%n", runs,
                ptdRuns));
        report.append("| operation | min | median | min / scan min |\n|---|---:|---:|---:|\n");
        System.out.printf(Locale.ROOT, "%n%-70s %10s %10s %8s%n", "operation", "min", "median", "x scan");
        for (Map.Entry<String, double[]> r : results.entrySet()) {
            double min = r.getValue()[0];
            double median = r.getValue()[1];
            System.out.printf(Locale.ROOT, "%-70s %8.0f ms %8.0f ms %7.2fx%n", r.getKey(), min, median, min / scan);
            report.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.2f |%n", r.getKey(), min, median,
                    min / scan));
        }
        System.out.println();
        report.append("\nPlan of the scan (`explain (analyze, buffers)`, after the runs above):\n\n```\n")
                .append(plan).append("```\n\n").append(engineNote).append('\n');
    }

    private static IndicatorResult compute(Indicators indicators, Period period) {
        IndicatorResult[] result = new IndicatorResult[1];
        Actor.runAs(Actor.SYSTEM, () -> result[0] = indicators.compute(period, null));
        return result[0];
    }

    private String summary(IndicatorResult q, IndicatorResult ptd) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Cells computed: %,d for %s, %,d for project-to-date. Project totals:%n%n",
                q.cells().size(), q.period().code(), ptd.cells().size()));
        s.append("| indicator | ").append(q.period().code()).append(" | PTD |\n|---|---:|---:|\n");
        TreeMap<String, String[]> rows = new TreeMap<>();
        q.cells().stream().filter(c -> c.network() == null && c.dimension() == null)
                .forEach(c -> rows.computeIfAbsent(c.indicator(), k -> new String[2])[0] = String.valueOf(c.value()));
        ptd.cells().stream().filter(c -> c.network() == null && c.dimension() == null)
                .forEach(c -> rows.computeIfAbsent(c.indicator(), k -> new String[2])[1] = String.valueOf(c.value()));
        rows.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1])
                .append(" |\n"));
        return s.toString();
    }

    /** One timed run, no warm-up: {ms, ms}. */
    private static double[] once(Callable<?> op) throws Exception {
        long t = System.nanoTime();
        op.call();
        double ms = (System.nanoTime() - t) / 1e6;
        progress("  1 run: %d ms", Math.round(ms));
        return new double[] {ms, ms};
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static double[] time(int runs, Callable<?> op) throws Exception {
        op.call();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            op.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        progress("  %d runs: %s ms", runs, Arrays.toString(Arrays.stream(ms).map(Math::round).toArray()));
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[0], sorted[sorted.length / 2]};
    }

    // ---------------------------------------------------------------------------------------------------- profile

    /**
     * Records the engine's statements during one more quarter and PTD computation; explains the quarter's slowest
     * three.
     */
    private void profile(DataSource ds, Indicators indicators) throws SQLException {
        List<Supplier<Period>> periods = ptdRuns > 0
                ? List.of(() -> indicators.period(quarter), () -> indicators.period("PTD"))
                : List.of(() -> indicators.period(quarter));
        for (Supplier<Period> p : periods) {
            Period period = p.get();
            StatementRecorder.start();
            try {
                compute(indicators, period);
            } catch (UnsupportedOperationException e) {
                return;
            } finally {
                StatementRecorder.stop();
            }
            List<Recorded> recorded = new ArrayList<>(StatementRecorder.recorded());
            double total = recorded.stream().mapToDouble(Recorded::ms).sum();
            recorded.sort(Comparator.comparingDouble(Recorded::ms).reversed());
            report.append(String.format(Locale.ROOT, "Statements of one computation for %s: %d, %.0f ms in all. "
                    + "Slowest:%n%n| ms | statement (start) |%n|---:|---|%n", period.code(), recorded.size(), total));
            progress("statements for %s: %d, %.0f ms in all; slowest:", period.code(), recorded.size(), total);
            for (Recorded r : recorded.subList(0, Math.min(8, recorded.size()))) {
                String head = r.sql().replaceAll("\\s+", " ").trim();
                head = head.substring(0, Math.min(140, head.length()));
                progress("  %8.0f ms  %s", r.ms(), head);
                report.append(String.format(Locale.ROOT, "| %.0f | `%s` |%n", r.ms(), head.replace("|", "\\|")));
            }
            report.append('\n');
            // the engine's session set-up (work_mem, the presence table) is replayed before each explain
            List<Recorded> setup = StatementRecorder.recorded().stream().filter(r -> r.sql().startsWith("set local")
                    || r.sql().strip().startsWith("create temporary table") || r.sql().startsWith("analyze")).toList();
            if (period.kind() != Period.Kind.QUARTER && !explainPtd) {
                continue; // explain analyze runs the statements again: by default for the quarter only
            }
            for (Recorded r : recorded.subList(0, Math.min(3, recorded.size()))) {
                progress("  explaining the statement of %.0f ms", r.ms());
                List<Recorded> before = r.sql().contains("ind_presence") && !r.sql().strip().startsWith("create")
                        ? setup : setup.stream().filter(x -> x.sql().startsWith("set local")).toList();
                report.append(String.format(Locale.ROOT, "%.0f ms:%n%n```sql%n%s%n```%n%n```%n%s```%n%n", r.ms(),
                        r.sql().strip(), explain(ds, r.sql(), r.params(), before)));
            }
        }
    }

    /**
     * Replays the engine's slowest statement with its own {@code work_mem} and with 1 GB (the result is the same).
     * Each variant once, after the engine's own set-up, in a transaction rolled back.
     */
    private void whatIf(DataSource ds, Indicators indicators) throws SQLException {
        List<Period> periods = ptdRuns > 0 ? List.of(indicators.period(quarter), indicators.period("PTD"))
                : List.of(indicators.period(quarter));
        report.append("What-if: the slowest statement replayed in variants (one run each).\n\n"
                + "| period | variant | ms | rows |\n|---|---|---:|---:|\n");
        for (Period period : periods) {
            StatementRecorder.start();
            try {
                compute(indicators, period);
            } finally {
                StatementRecorder.stop();
            }
            List<Recorded> all = List.copyOf(StatementRecorder.recorded());
            Recorded persons = all.stream().max(Comparator.comparingDouble(Recorded::ms)).orElseThrow();
            List<Recorded> setup = all.stream().filter(r -> r.sql().startsWith("set local")
                    || r.sql().strip().startsWith("create temporary table") || r.sql().startsWith("analyze")).toList();
            Map<String, String[]> variants = new LinkedHashMap<>();
            variants.put("as the engine runs it", new String[] {null, persons.sql()});
            variants.put("work_mem 1GB", new String[] {"1GB", persons.sql()});
            for (Map.Entry<String, String[]> v : variants.entrySet()) {
                long[] result = replay(ds, setup, v.getValue()[0], v.getValue()[1], persons.params());
                progress("  %s %-40s %8d ms %8d rows", period.code(), v.getKey(), result[0], result[1]);
                report.append(String.format(Locale.ROOT, "| %s | %s | %d | %d |%n", period.code(), v.getKey(),
                        result[0], result[1]));
            }
        }
        report.append('\n');
    }

    /** Runs {@code setup}, then {@code sql} (with {@code work_mem} when given): {elapsed ms, rows}; rolls back. */
    private static long[] replay(DataSource ds, List<Recorded> setup, String workMem, String sql,
            Map<Integer, Object> params) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Recorded r : setup) {
                    try (PreparedStatement ps = c.prepareStatement(r.sql())) {
                        bind(ps, r.params());
                        ps.execute();
                    }
                }
                if (workMem != null) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set local work_mem = '" + workMem + "'");
                    }
                }
                long t = System.nanoTime();
                long rows = 0;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
                return new long[] {(System.nanoTime() - t) / 1_000_000, rows};
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static String explain(DataSource ds, String sql) throws SQLException {
        return explain(ds, sql, Map.of(), List.of());
    }

    /** {@code explain (analyze, buffers)} in a transaction rolled back, after running {@code setup} in it. */
    private static String explain(DataSource ds, String sql, Map<Integer, Object> params, List<Recorded> setup)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Recorded r : setup) {
                    try (PreparedStatement ps = c.prepareStatement(r.sql())) {
                        bind(ps, r.params());
                        ps.execute();
                    }
                }
                StringBuilder plan = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                }
                return plan.toString();
            } catch (SQLException e) {
                return "(could not explain: " + e.getMessage() + ")\n";
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void bind(PreparedStatement ps, Map<Integer, Object> params) throws SQLException {
        for (Map.Entry<Integer, Object> p : params.entrySet()) {
            ps.setObject(p.getKey(), p.getValue());
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

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

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        System.out.flush();
    }

    /** One statement the application ran while recording: its SQL, bound parameters and time. */
    record Recorded(String sql, Map<Integer, Object> params, double ms) {
    }

    /**
     * Wraps the application's data source so that, while recording, every statement's SQL, parameters and execution
     * time are kept (the time of {@code execute*}: the driver reads the whole result there).
     */
    static final class StatementRecorder implements BeanPostProcessor {

        private static volatile boolean on;
        private static final List<Recorded> RECORDED = Collections.synchronizedList(new ArrayList<>());

        static void start() {
            RECORDED.clear();
            on = true;
        }

        static void stop() {
            on = false;
        }

        static List<Recorded> recorded() {
            return RECORDED;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)) {
                return new DelegatingDataSource(ds) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        return connection(super.getConnection());
                    }

                    @Override
                    public Connection getConnection(String user, String password) throws SQLException {
                        return connection(super.getConnection(user, password));
                    }
                };
            }
            return bean;
        }

        private static Connection connection(Connection target) {
            InvocationHandler h = (proxy, method, args) -> {
                Object result = invoke(target, method, args);
                if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                    return statement(ps, (String) args[0]);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(IndicatorBenchmark.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, h);
        }

        private static PreparedStatement statement(PreparedStatement target, String sql) {
            Map<Integer, Object> params = new TreeMap<>();
            InvocationHandler h = (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                    params.put(i, name.equals("setNull") ? null : args[1]);
                }
                if (name.startsWith("execute") && (args == null || args.length == 0) && on) {
                    long t = System.nanoTime();
                    Object result = invoke(target, method, args);
                    RECORDED.add(new Recorded(sql, new TreeMap<>(params), (System.nanoTime() - t) / 1e6));
                    return result;
                }
                return invoke(target, method, args);
            };
            return (PreparedStatement) Proxy.newProxyInstance(IndicatorBenchmark.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, h);
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
