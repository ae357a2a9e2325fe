package it.labimpact.indicator;

import java.math.BigDecimal;

/**
 * The target and baseline of an indicator for a network ({@code null}: the project as a whole) and a period code.
 * Either may be {@code null} (not set).
 */
public record Target(long id, String indicator, String network, String periodCode, BigDecimal target,
        BigDecimal baseline, int version) {
}
