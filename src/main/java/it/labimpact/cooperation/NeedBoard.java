package it.labimpact.cooperation;

import java.util.List;

/**
 * What is rising where: needs counted by theme and network in a reference quarter against the quarter before,
 * and by theme over the last four quarters. Counts are of needs raised in the quarter (by their day raised),
 * whatever their status unless the board is filtered by one.
 *
 * @param quarters the four quarters of the trend, oldest first; the last is the reference quarter
 * @param byNetwork one row per network (the filtered one only, when filtered), cells in {@link NeedTheme} order
 * @param byQuarter one row per theme, counts in the order of {@code quarters}
 */
public record NeedBoard(NeedQuarter quarter, List<NeedQuarter> quarters, List<NetworkRow> byNetwork,
        List<ThemeRow> byQuarter) {

    /** A count in the reference quarter and in the quarter before it. */
    public record Cell(NeedTheme theme, long count, long previous) {

        /** Latest minus previous: positive when rising. */
        public long change() {
            return count - previous;
        }
    }

    /** A network's counts by theme. */
    public record NetworkRow(String networkCode, String networkName, List<Cell> cells, long total) {
    }

    /** A theme's counts quarter by quarter; {@code trend} compares the last quarter with the one before. */
    public record ThemeRow(NeedTheme theme, List<Long> counts, Cell trend) {
    }
}
