package it.labimpact.cooperation;

import java.time.LocalDate;

/** A calendar quarter, the board's unit of time ({@code 2026-Q3}). */
public record NeedQuarter(int year, int quarter) {

    public NeedQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
    }

    /** The quarter a day falls in. */
    public static NeedQuarter of(LocalDate day) {
        return new NeedQuarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** Reads {@code 2026-Q3}; anything else is refused with {@link IllegalArgumentException}. */
    public static NeedQuarter parse(String text) {
        if (text == null || !text.strip().matches("^[0-9]{4}-Q[1-4]$")) {
            throw new IllegalArgumentException("Not a quarter: " + text);
        }
        String t = text.strip();
        return new NeedQuarter(Integer.parseInt(t.substring(0, 4)), t.charAt(6) - '0');
    }

    public NeedQuarter previous() {
        return quarter == 1 ? new NeedQuarter(year - 1, 4) : new NeedQuarter(year, quarter - 1);
    }

    public LocalDate first() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    public String code() {
        return year + "-Q" + quarter;
    }

    @Override
    public String toString() {
        return code();
    }
}
