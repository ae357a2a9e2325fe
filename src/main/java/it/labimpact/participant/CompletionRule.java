package it.labimpact.participant;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * When an enrolment counts as completed: the hours attended reach a share of the activity's planned hours
 * (the activity type's threshold; 70 % unless an administrator set another).
 */
public record CompletionRule(BigDecimal threshold) {

    public static final CompletionRule DEFAULT = new CompletionRule(new BigDecimal("0.70"));

    public CompletionRule {
        if (threshold == null || threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("The completion threshold is a share in (0, 1], not " + threshold);
        }
    }

    /** Whether {@code attended} hours complete an activity of {@code planned} hours. */
    public boolean completes(BigDecimal attended, BigDecimal planned) {
        if (planned == null || planned.signum() <= 0) {
            return false;
        }
        return attended.divide(planned, 6, RoundingMode.HALF_UP).compareTo(threshold) >= 0;
    }
}
