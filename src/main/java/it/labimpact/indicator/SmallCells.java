package it.labimpact.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small-cell suppression for published values: no published or exported number may single out a few persons.
 *
 * <ol>
 *   <li><b>Primary.</b> A cell of a person indicator counting 1 to {@code threshold - 1} persons is hidden (zero is
 *       shown: it singles out nobody). When a total is hidden, every breakdown of that total is hidden too.</li>
 *   <li><b>Secondary.</b> In a group of cells that share a total (one indicator, one network or the project, one
 *       breakdown; the per-network totals of the project form a group too), a single hidden cell could be recovered
 *       by subtracting the others from the total; then the smallest other shown cell is hidden as well.</li>
 *   <li><b>Ratios</b> are hidden when their base (the second component) is hidden or under the threshold.</li>
 * </ol>
 * Things and stocks (organisations, ties, comuni, population) count no persons and are never hidden.
 */
final class SmallCells {

    private SmallCells() {
    }

    static List<Cell> suppress(List<Cell> cells, List<IndicatorDefinition> catalogue, int threshold) {
        Map<String, IndicatorDefinition> byCode = catalogue.stream()
                .collect(Collectors.toMap(IndicatorDefinition::code, d -> d));
        Set<Cell> hidden = new HashSet<>();
        Map<List<Object>, List<Cell>> groups = new LinkedHashMap<>();
        Map<List<Object>, Cell> totals = new HashMap<>();
        for (Cell c : cells) {
            IndicatorDefinition d = byCode.get(c.indicator());
            if (d == null || d.rule() != CountingRule.PERSONS) {
                continue;
            }
            if (isSmall(c.value(), threshold)) {
                hidden.add(c);
            }
            if (c.isTotal()) {
                totals.put(Arrays.asList(c.indicator(), c.network()), c);
                if (c.network() != null) {
                    groups.computeIfAbsent(Arrays.asList(c.indicator(), null, Dimension.NETWORK),
                            k -> new ArrayList<>()).add(c);
                }
            } else {
                groups.computeIfAbsent(Arrays.asList(c.indicator(), c.network(), c.dimension()),
                        k -> new ArrayList<>()).add(c);
            }
        }
        // a hidden total hides its breakdowns
        for (Map.Entry<List<Object>, List<Cell>> g : groups.entrySet()) {
            Cell total = totals.get(Arrays.asList(g.getKey().get(0), g.getKey().get(1)));
            if (total != null && hidden.contains(total)) {
                hidden.addAll(g.getValue());
            }
        }
        // secondary: never leave exactly one hidden cell in a group with a shown total
        for (Map.Entry<List<Object>, List<Cell>> g : groups.entrySet()) {
            List<Cell> group = g.getValue();
            long hiddenInGroup = group.stream().filter(hidden::contains).count();
            if (hiddenInGroup == 1) {
                group.stream().filter(c -> !hidden.contains(c) && c.value().signum() > 0)
                        .min(Comparator.comparing(Cell::value).thenComparing(c -> Objects.toString(c.key(), "")))
                        .ifPresent(hidden::add);
            }
        }
        List<Cell> result = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            IndicatorDefinition d = byCode.get(c.indicator());
            boolean hide = hidden.contains(c)
                    || (d != null && d.rule() == CountingRule.RATIO && countsPersons(byCode.get(d.parameters().get(1)))
                            && ratioBaseHidden(c, d, cells, hidden, threshold));
            result.add(hide ? c.hidden() : c);
        }
        return result;
    }

    /** A ratio over things (ties, organisations) counts no persons and is never suppressed. */
    private static boolean countsPersons(IndicatorDefinition base) {
        return base == null || base.rule() != CountingRule.THINGS;
    }

    private static boolean isSmall(BigDecimal value, int threshold) {
        return value != null && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(threshold)) < 0;
    }

    private static boolean ratioBaseHidden(Cell ratio, IndicatorDefinition d, List<Cell> cells, Set<Cell> hidden,
            int threshold) {
        String base = d.parameters().get(1);
        return cells.stream()
                .filter(c -> c.indicator().equals(base) && Objects.equals(c.network(), ratio.network())
                        && c.dimension() == ratio.dimension() && Objects.equals(c.key(), ratio.key()))
                .findFirst()
                .map(c -> hidden.contains(c) || c.value().compareTo(BigDecimal.valueOf(threshold)) < 0)
                .orElse(true);
    }
}
