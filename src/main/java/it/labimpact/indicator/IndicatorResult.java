package it.labimpact.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The values of the indicator set for one period: project totals, per-network totals and breakdowns.
 * Network rows count unique persons within the network, so they need not add up to the project total.
 *
 * @param suppressionThreshold the small-cell threshold applied, {@code 0} when the values are raw
 * @param snapshotId the approved snapshot these values were read from, {@code null} when computed fresh
 */
public record IndicatorResult(Period period, String network, Instant computedAt, List<Cell> cells,
        int suppressionThreshold, Long snapshotId) {

    public IndicatorResult {
        cells = List.copyOf(cells);
    }

    /** The total of an indicator, for the project ({@code network == null}) or one network. */
    public Optional<Cell> total(String indicator, String network) {
        return cells.stream().filter(c -> c.indicator().equals(indicator) && c.isTotal()
                && java.util.Objects.equals(c.network(), network)).findFirst();
    }

    /** The total's value, zero when nothing counted; {@code null} when suppressed. */
    public BigDecimal value(String indicator, String network) {
        return total(indicator, network).map(Cell::value).orElse(BigDecimal.ZERO);
    }

    /** The cells of one breakdown, largest first. */
    public List<Cell> breakdown(String indicator, String network, Dimension dimension) {
        return cells.stream().filter(c -> c.indicator().equals(indicator) && c.dimension() == dimension
                        && java.util.Objects.equals(c.network(), network))
                .sorted(Comparator.comparing((Cell c) -> c.value() == null ? BigDecimal.ZERO : c.value()).reversed()
                        .thenComparing(Cell::key))
                .toList();
    }

    /** The per-network totals of an indicator (the NETWORK breakdown of the project). */
    public List<Cell> byNetwork(String indicator) {
        return cells.stream().filter(c -> c.indicator().equals(indicator) && c.isTotal() && c.network() != null)
                .sorted(Comparator.comparing(Cell::network)).toList();
    }

    public boolean isSuppressed() {
        return suppressionThreshold > 0;
    }
}
