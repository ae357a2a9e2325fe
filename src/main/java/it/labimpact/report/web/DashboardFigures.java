package it.labimpact.report.web;

import it.labimpact.indicator.Cell;
import it.labimpact.indicator.Dimension;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.indicator.Target;
import it.labimpact.indicator.Targets;
import it.labimpact.report.web.DashboardView.Breakdown;
import it.labimpact.report.web.DashboardView.Entry;
import it.labimpact.report.web.DashboardView.Figure;
import it.labimpact.report.web.DashboardView.NetworkRow;
import it.labimpact.report.web.DashboardView.ProgressRow;
import it.labimpact.report.web.DashboardView.Trend;
import it.labimpact.report.web.DashboardView.TrendRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a dashboard from the indicator engine's values: progress against targets, each network's totals, the
 * quarterly trend, the breakdowns of one indicator and (through {@link DashboardMapFigures}) the map. Reads only
 * facades: indicators, targets, and the partnership and territory for labels.
 */
@Component
class DashboardFigures {

    /** The indicators of the trend and of the per-network table. */
    static final List<String> MAIN = List.of("AMIF-O3", "AMIF-O3.1", "AMIF-O3.2", "P0-ACTIVITIES");
    static final String DEFAULT_BREAKDOWN = "AMIF-O3";
    private static final List<Dimension> BREAKDOWNS = List.of(Dimension.NETWORK, Dimension.SEX, Dimension.AGE_BAND,
            Dimension.CITIZENSHIP, Dimension.PROVINCE, Dimension.ACTION, Dimension.ACTIVITY_TYPE,
            Dimension.VULNERABILITY);
    private static final int TOP = 10;
    /** Dashboards kept at most (periods × networks × choices × languages actually asked for). */
    private static final int MAX_CACHED = 500;

    /**
     * What to show.
     *
     * @param network the network, {@code null} for the project
     * @param published show published values (small cells suppressed) instead of raw ones
     * @param drillable link numbers to the records behind them
     */
    record Request(Period period, String network, boolean published, String indicator, String metric, String mode,
            boolean drillable) {
    }

    private final Indicators indicators;
    private final Targets targets;
    private final DashboardMapFigures maps;
    private final DimensionLabels labels;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    private final Duration cacheFor;
    private final RebuiltCache<CacheKey, DashboardView> cache;

    /** A dashboard as shown in one language. */
    private record CacheKey(Request request, Locale locale) {
    }

    DashboardFigures(Indicators indicators, Targets targets, DashboardMapFigures maps, DimensionLabels labels,
            MessageSource messages, @Value("${labimpact.dashboard.cache-seconds:0}") long cacheSeconds) {
        this.indicators = indicators;
        this.targets = targets;
        this.maps = maps;
        this.labels = labels;
        this.messages = messages;
        this.cacheFor = Duration.ofSeconds(cacheSeconds);
        this.cache = new RebuiltCache<>(cacheFor, MAX_CACHED, Clock.systemUTC());
    }

    /**
     * The dashboard for a request. A dashboard is built at most once per {@code labimpact.dashboard.cache-seconds}
     * (0: every time) for the same request and language ({@link RebuiltCache}): the first requests for it wait for
     * one build, and once it has expired one request rebuilds it while the others are still served the previous
     * one — it reads every indicator of the period and of each quarter of the trend, which takes a second at scale,
     * so users opening it together would otherwise queue for seconds. The page shows when its values were computed.
     * The caller has checked that the actor may see the request's network; the request itself tells raw from
     * published values.
     */
    DashboardView build(Request r, Locale locale) {
        if (cacheFor.isZero()) {
            return compose(r, locale);
        }
        return cache.get(new CacheKey(r, locale), () -> compose(r, locale));
    }

    private DashboardView compose(Request r, Locale locale) {
        List<IndicatorDefinition> catalogue = indicators.catalogue();
        DashboardFormat f = new DashboardFormat(r, locale, catalogue.stream()
                .filter(d -> !d.hasRecords()).map(IndicatorDefinition::code)
                .collect(Collectors.toSet()), messages);
        IndicatorResult result = values(r.period(), r.network(), r.published());
        List<IndicatorDefinition> main = catalogue.stream().filter(d -> MAIN.contains(d.code()))
                .sorted(Comparator.comparingInt(d -> MAIN.indexOf(d.code()))).toList();
        IndicatorDefinition chosen = catalogue.stream().filter(d -> d.code().equals(r.indicator())).findFirst()
                .orElseGet(() -> indicators.definition(DEFAULT_BREAKDOWN));
        List<ProgressRow> progress = progress(result, catalogue, f);
        List<NetworkRow> networks = r.network() == null ? networkRows(result, main, f) : List.of();
        List<Entry> totals = main.stream().map(d -> f.entry(d.code(), d.code(), d.label(locale),
                result.total(d.code(), r.network()), null, null)).toList();
        return new DashboardView(r.period(), r.network(), result.isSuppressed(), indicators.settings()
                .smallCellThreshold(), result.computedAt(), progress, progressChart(progress, f), main, networks,
                totals, trend(r, main, f), chosen, breakdowns(result, chosen, f), maps.map(result, f),
                new DashboardView.Rendered());
    }

    /** Raw or published values of a period. */
    IndicatorResult values(Period period, String network, boolean published) {
        return published ? indicators.published(period, network) : indicators.compute(period, network);
    }

    private List<ProgressRow> progress(IndicatorResult result, List<IndicatorDefinition> catalogue, DashboardFormat f) {
        String network = f.request.network();
        Map<String, BigDecimal> goals = new LinkedHashMap<>();
        for (Target t : targets.forPeriod(f.request.period(), network)) {
            if (Objects.equals(t.network(), network) && t.target() != null) {
                goals.put(t.indicator(), t.target());
            }
        }
        List<ProgressRow> rows = new ArrayList<>();
        for (IndicatorDefinition d : catalogue) {
            Optional<Cell> cell = result.total(d.code(), network);
            Figure value = f.figure(cell);
            BigDecimal goal = goals.get(d.code());
            Integer percent = goal == null || goal.signum() == 0 || value.value() == null ? null
                    : value.value().multiply(BigDecimal.valueOf(100)).divide(goal, 0, RoundingMode.HALF_UP).intValue();
            rows.add(new ProgressRow(d, d.label(f.locale), d.unit(f.locale), value,
                    goal == null ? null : f.figure(goal), percent, f.drill(d.code(), network, null, null, value)));
        }
        return rows;
    }

    private String progressChart(List<ProgressRow> rows, DashboardFormat f) {
        List<ProgressRow> withTarget = rows.stream().filter(p -> p.percent() != null).toList();
        if (withTarget.isEmpty()) {
            return null;
        }
        List<String> codes = withTarget.stream().map(p -> p.indicator().code()).toList();
        return chart("hbar", f.message("dashboard.progress.axis"), codes, codes, withTarget.stream()
                .map(p -> p.indicator().code() + " " + p.label()).toList(), List.of(series(
                f.message("dashboard.progress.series"), withTarget.stream().map(p -> (Object) p.percent()).toList(),
                withTarget.stream().map(p -> p.value().text() + " / " + p.target().text() + " (" + p.percent() + "%)")
                        .toList())), 100);
    }

    private List<NetworkRow> networkRows(IndicatorResult result, List<IndicatorDefinition> main, DashboardFormat f) {
        List<NetworkRow> rows = new ArrayList<>();
        labels.networkNames().forEach((code, name) -> rows.add(new NetworkRow(code, name,
                "/dashboard/networks/" + code + "?period=" + f.request.period().code(),
                main.stream().map(d -> f.entry(d.code(), code, name, result.total(d.code(), code), null, null))
                        .toList())));
        return rows;
    }

    private Trend trend(Request r, List<IndicatorDefinition> main, DashboardFormat f) {
        List<TrendRow> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        indicators.trend(MAIN, r.network(), r.published()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Period::from)))
                .forEach(q -> {
                    codes.add(q.getKey().code());
                    rows.add(new TrendRow(q.getKey().label(f.locale), main.stream()
                            .map(d -> f.figure(q.getValue().total(d.code(), r.network()))).toList()));
                });
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < main.size(); i++) {
            int column = i;
            series.add(series(main.get(i).label(f.locale), rows.stream()
                    .map(t -> (Object) t.values().get(column).value()).toList(), rows.stream()
                    .map(t -> t.values().get(column).text()).toList()));
        }
        List<String> quarters = rows.stream().map(TrendRow::quarter).toList();
        return new Trend(main.stream().map(d -> d.label(f.locale)).toList(), rows,
                chart("line", null, codes, codes.stream().map(c -> f.message("dashboard.quarter.short",
                        c.substring(0, 4), c.substring(6))).toList(), quarters, series, null));
    }

    private List<Breakdown> breakdowns(IndicatorResult result, IndicatorDefinition d, DashboardFormat f) {
        String network = f.request.network();
        List<Breakdown> list = new ArrayList<>();
        for (Dimension dimension : BREAKDOWNS) {
            if (!d.breakdowns().contains(dimension) || (dimension == Dimension.NETWORK && network != null)) {
                continue;
            }
            List<Cell> cells = dimension == Dimension.NETWORK ? result.byNetwork(d.code())
                    : sorted(dimension, result.breakdown(d.code(), network, dimension));
            Function<String, String> label = labels.of(dimension, cells.stream().map(c -> key(dimension, c)).toList(),
                    f.locale);
            List<Entry> rows = new ArrayList<>();
            for (Cell c : cells.subList(0, Math.min(cells.size(), dimension == Dimension.CITIZENSHIP ? TOP
                    : cells.size()))) {
                String key = key(dimension, c);
                rows.add(dimension == Dimension.NETWORK
                        ? f.entry(d.code(), key, label.apply(key), Optional.of(c), null, null)
                        : f.entry(d.code(), key, label.apply(key), Optional.of(c), dimension, key));
            }
            if (cells.size() > TOP && dimension == Dimension.CITIZENSHIP) {
                rows.add(others(cells.subList(TOP, cells.size()), f));
            }
            boolean bars = dimension == Dimension.SEX || dimension == Dimension.AGE_BAND
                    || dimension == Dimension.ACTION || dimension == Dimension.VULNERABILITY;
            list.add(new Breakdown(dimension, "breakdown-" + dimension.name().toLowerCase(Locale.ROOT), rows,
                    rows.stream().anyMatch(e -> e.figure().suppressed()), chart(bars ? "bar" : "hbar", null,
                            rows.stream().map(Entry::key).toList(), rows.stream().map(Entry::label).toList(), null,
                            List.of(series(d.label(f.locale), rows.stream().map(e -> (Object) e.figure().value())
                                    .toList(), rows.stream().map(e -> e.figure().text()).toList())), null)));
        }
        return list;
    }

    private static String key(Dimension dimension, Cell c) {
        return dimension == Dimension.NETWORK ? c.network() : c.key();
    }

    /** Natural order for short scales (age bands, sexes, actions), largest first for the rest. */
    private List<Cell> sorted(Dimension dimension, List<Cell> cells) {
        List<String> order = switch (dimension) {
            case AGE_BAND -> indicators.settings().ageBandLabels();
            case SEX -> List.of("F", "M", "X");
            case VULNERABILITY -> List.of("Y", "N");
            case ACTION -> List.of("01", "02", "03");
            default -> null;
        };
        if (order == null) {
            return cells;
        }
        return cells.stream().sorted(Comparator.comparingInt((Cell c) -> order.contains(c.key())
                ? order.indexOf(c.key()) : order.size()).thenComparing(Cell::key)).toList();
    }

    /** The cells beyond the top ten, as one row; hidden when any of them is, so no hidden cell can be recovered. */
    private Entry others(List<Cell> rest, DashboardFormat f) {
        boolean hidden = rest.stream().anyMatch(Cell::suppressed);
        BigDecimal sum = rest.stream().map(Cell::value).filter(Objects::nonNull).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        Figure figure = hidden ? f.suppressed() : f.figure(sum);
        return new Entry("others", f.message("dashboard.others", rest.size()), figure, null);
    }

    private Map<String, Object> series(String name, List<Object> values, List<String> texts) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", values);
        s.put("labels", texts);
        return s;
    }

    /**
     * A chart for {@code dashboard.js}: kind {@code bar}, {@code hbar} or {@code line}, categories (with longer
     * names for the tooltip, or {@code null}) and series.
     */
    private String chart(String kind, String axis, List<String> keys, List<String> categories, List<String> names,
            List<Map<String, Object>> series, Integer mark) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("axis", axis);
        c.put("keys", keys);
        c.put("categories", categories);
        c.put("names", names);
        c.put("series", series);
        c.put("mark", mark);
        return json.writeValueAsString(c);
    }
}
