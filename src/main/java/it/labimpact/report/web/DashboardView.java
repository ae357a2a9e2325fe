package it.labimpact.report.web;

import it.labimpact.indicator.Dimension;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What a dashboard page shows, ready for the template: every number already formatted, with its drill-down
 * link when the user may see the records behind it, and the charts' data as JSON for {@code dashboard.js}.
 *
 * @param network the network the figures are for, {@code null} for the project
 * @param published values with small cells suppressed (see docs/architecture.md, "Dashboards")
 */
record DashboardView(Period period, String network, boolean published, int threshold, Instant computedAt,
        List<ProgressRow> progress, String progressChart, List<IndicatorDefinition> networkColumns,
        List<NetworkRow> networks, List<Entry> projectTotals, Trend trend, IndicatorDefinition breakdownIndicator, List<Breakdown> breakdowns,
        MapView map, Rendered rendered) {

    /**
     * The HTML of the figures rendered from this view, kept with it: the figures depend on the view and its language
     * only (a view is built per language), and rendering them took most of a cached dashboard's time (a project
     * dashboard at scale is 330 KB of HTML).
     */
    static final class Rendered {

        private final AtomicReference<String> html = new AtomicReference<>();
        private final Map<String, String> parts = new ConcurrentHashMap<>();

        /** The HTML, rendered by {@code render} the first time. */
        String html(Supplier<String> render) {
            String h = html.get();
            if (h == null) {
                h = render.get();
                html.compareAndSet(null, h);
            }
            return h;
        }

        /**
         * Another part of the page made from this view, kept under {@code key} (the filters' form, per variant of
         * the page: the values it offers and the choices made depend on the view, its language and the variant
         * only), made by {@code render} the first time.
         */
        String part(String key, Supplier<String> render) {
            String h = parts.get(key);
            if (h == null) {
                h = render.get();
                parts.putIfAbsent(key, h);
            }
            return h;
        }
    }

    /** A number as shown: its value (null when suppressed) and its text ("1.234", "n.d."). */
    record Figure(BigDecimal value, boolean suppressed, String text) {
    }

    /** One labelled number with its drill-down link ({@code null} when none). */
    record Entry(String key, String label, Figure figure, String drill) {
    }

    /** One indicator against its target; {@code percent} is null without a target or a value. */
    record ProgressRow(IndicatorDefinition indicator, String label, String unit, Figure value, Figure target,
            Integer percent, String drill) {
    }

    /** One network's totals of the main indicators, with a link to its dashboard when the user may open it. */
    record NetworkRow(String code, String name, String dashboard, List<Entry> values) {
    }

    /** The main indicators quarter by quarter since the project's start. */
    record Trend(List<String> indicators, List<TrendRow> rows, String chart) {
    }

    /** One quarter of the trend. */
    record TrendRow(String quarter, List<Figure> values) {
    }

    /** One breakdown of the chosen indicator. */
    record Breakdown(Dimension dimension, String id, List<Entry> rows, boolean hasSuppressed, String chart) {
    }

    /**
     * The map: per comune or per network, the areas with a value (zeros are left out of the table), and the data
     * {@code dashboard.js} colours the boundaries with.
     */
    record MapView(String metric, String mode, String indicatorLabel, List<Entry> rows, boolean hasSuppressed,
            String data) {
    }
}
