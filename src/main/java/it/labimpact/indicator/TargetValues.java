package it.labimpact.indicator;

import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;

/**
 * Reads and checks a target or baseline: a number of at most 12 digits before and 2 after the decimal separator,
 * not negative. A decimal comma is read as Italian spreadsheets write it ({@code 1.234,5}), as is a decimal point
 * ({@code 1234.5}).
 */
final class TargetValues {

    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private TargetValues() {
    }

    /** The value typed, {@code null} when blank. */
    static BigDecimal parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replace("\u00a0", "").replace(" ", "");
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            s = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new RuleViolationException(field, "target.number.format", raw.strip());
        }
        return check(field, value);
    }

    /** Refuses a negative value, more than two decimals or too large a number. */
    static BigDecimal check(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new RuleViolationException(field, "target.number.negative");
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > 2) {
            throw new RuleViolationException(field, "target.number.decimals");
        }
        if (plain.compareTo(LIMIT) >= 0) {
            throw new RuleViolationException(field, "target.number.tooLarge");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
