package it.labimpact.indicator;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Indicator settings ({@code labimpact.indicators.*}).
 *
 * @param projectStart the first day of the project, where project-to-date begins: the first day of a quarter
 * @param smallCellThreshold published or exported cells counting fewer persons than this are suppressed
 * @param ageBands the lower bounds of the age bands after the first: {@code 18,25,35,50,65} gives
 *     {@code 0-17, 18-24, 25-34, 35-49, 50-64, 65+}
 */
@ConfigurationProperties("labimpact.indicators")
public record IndicatorSettings(@DefaultValue("2024-01-01") LocalDate projectStart,
        @DefaultValue("5") int smallCellThreshold, @DefaultValue({"18", "25", "35", "50", "65"}) List<Integer> ageBands) {

    public IndicatorSettings {
        if (smallCellThreshold < 1) {
            throw new IllegalArgumentException("labimpact.indicators.small-cell-threshold must be at least 1");
        }
        if (projectStart.getDayOfMonth() != 1 || (projectStart.getMonthValue() - 1) % 3 != 0) {
            // the store keeps facts by quarter: the project to date must begin with a quarter
            throw new IllegalArgumentException("labimpact.indicators.project-start must be the first day of a quarter");
        }
        ageBands = List.copyOf(ageBands);
        for (int i = 1; i < ageBands.size(); i++) {
            if (ageBands.get(i) <= ageBands.get(i - 1)) {
                throw new IllegalArgumentException("labimpact.indicators.age-bands must increase");
            }
        }
    }

    /**
     * The project's first quarter: the baseline of the cooperation metrics ("new ties since the baseline"), for the
     * catalogue's {@code P1-COOP-NEW} and the cooperation module alike. Derived here only, from the project's start.
     */
    public Period firstQuarter() {
        return Period.quarterOf(projectStart);
    }

    /** The label of the band an age falls in. */
    public String ageBand(int age) {
        int lower = 0;
        for (int bound : ageBands) {
            if (age < bound) {
                return lower + "-" + (bound - 1);
            }
            lower = bound;
        }
        return lower + "+";
    }

    /** The band labels, youngest first. */
    public List<String> ageBandLabels() {
        java.util.ArrayList<String> labels = new java.util.ArrayList<>();
        int lower = 0;
        for (int bound : ageBands) {
            labels.add(lower + "-" + (bound - 1));
            lower = bound;
        }
        labels.add(lower + "+");
        return labels;
    }
}
