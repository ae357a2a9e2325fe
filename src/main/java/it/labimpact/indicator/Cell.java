package it.labimpact.indicator;

import java.math.BigDecimal;

/**
 * One value of an indicator in a period.
 *
 * @param network the network the value is for, {@code null} for the whole project
 * @param dimension the breakdown, {@code null} for the total
 * @param key the breakdown key (see {@link Dimension}), {@code null} for the total
 * @param value the value; {@code null} when {@code suppressed}
 * @param suppressed hidden because it counts fewer persons than the small-cell threshold, or because it would
 *     let a hidden cell be recovered from a total
 */
public record Cell(String indicator, String network, Dimension dimension, String key, BigDecimal value,
        boolean suppressed) {

    public boolean isTotal() {
        return dimension == null;
    }

    Cell hidden() {
        return new Cell(indicator, network, dimension, key, null, true);
    }
}
