package it.labimpact.synthetic;

import java.util.Locale;

/**
 * How much synthetic data to make: the number of participant records; everything else scales with it (activities
 * 6.5 % of it, at least 130; about 2.6 enrolments and 10 attendance rows per participant).
 *
 * @param nearKeys whether participants get the near keys of the duplicate-review queue (about 20 rows each: left
 *     out at scale, see docs/benchmarks.md)
 */
public enum SyntheticSize {
    DEMO(2_000, true),
    SMALL(10_000, true),
    SCALE(1_000_000, false);

    private final int participants;
    private final boolean nearKeys;

    SyntheticSize(int participants, boolean nearKeys) {
        this.participants = participants;
        this.nearKeys = nearKeys;
    }

    public int participants() {
        return participants;
    }

    public boolean nearKeys() {
        return nearKeys;
    }

    public static SyntheticSize of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
