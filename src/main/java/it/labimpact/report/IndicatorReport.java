package it.labimpact.report;

import it.labimpact.indicator.Cell;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The indicators of a period against their targets, with small cells suppressed: what the indicator export, the
 * periodic report (HTML preview and PDF) and the annual fund export show.
 *
 * @param network the network's code, {@code null} for the whole project
 * @param networkName the network's name, {@code null} for the whole project
 * @param threshold the small-cell threshold applied
 * @param snapshotId the approved snapshot the values come from, {@code null} when computed fresh (provisional)
 */
public record IndicatorReport(Period period, String network, String networkName, Instant computedAt, int threshold,
        Long snapshotId, List<Line> lines) {

    public IndicatorReport {
        lines = List.copyOf(lines);
    }

    /** Values read from an approved snapshot are final; fresh ones are provisional. */
    public boolean approved() {
        return snapshotId != null;
    }

    /**
     * One indicator: its total, target and baseline, and its breakdown cells (in dimension, then key order).
     *
     * @param value the total, {@code null} when suppressed
     * @param target the target for this period and network (or project), {@code null} when none is set
     */
    public record Line(IndicatorDefinition definition, BigDecimal value, boolean suppressed, BigDecimal target,
            BigDecimal baseline, List<Cell> breakdown) {

        public Line {
            breakdown = List.copyOf(breakdown);
        }

        /** The share of the target reached, in whole percent; {@code null} without a target or a value. */
        public Integer percentOfTarget() {
            if (target == null || value == null || target.signum() == 0) {
                return null;
            }
            return value.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.HALF_UP).intValue();
        }

        /** The bar's length in percent of its track: the share of the target, at most 100. */
        public int barWidth() {
            Integer p = percentOfTarget();
            return p == null ? 0 : Math.max(0, Math.min(100, p));
        }
    }
}
