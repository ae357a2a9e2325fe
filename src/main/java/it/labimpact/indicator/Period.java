package it.labimpact.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a calendar quarter ({@code 2026-Q3}), a calendar year ({@code 2026}) or the project to date
 * ({@code PTD}, from the project's start to a given day). Facts count in the period that contains their date.
 */
public record Period(Kind kind, String code, LocalDate from, LocalDate to) {

    public enum Kind { QUARTER, YEAR, PROJECT_TO_DATE }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public Period {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(code);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Period ends before it starts: " + code);
        }
    }

    public static Period quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, year + "-Q" + quarter, from, from.plusMonths(3).minusDays(1));
    }

    public static Period quarterOf(LocalDate day) {
        return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period projectToDate(LocalDate projectStart, LocalDate until) {
        return new Period(Kind.PROJECT_TO_DATE, "PTD", projectStart, until);
    }

    /**
     * Reads {@code 2026-Q3}, {@code 2026} or {@code PTD}; {@code PTD} runs from {@code projectStart} to
     * {@code today}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Period parse(String code, LocalDate projectStart, LocalDate today) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        Matcher q = QUARTER.matcher(c);
        if (q.matches()) {
            return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
        }
        if (YEAR.matcher(c).matches()) {
            return year(Integer.parseInt(c));
        }
        if (c.equals("PTD")) {
            return projectToDate(projectStart, today);
        }
        throw new IllegalArgumentException("Unknown period: " + code);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The age reference year: persons' ages are taken in the period's last year. */
    public int referenceYear() {
        return to.getYear();
    }

    /** A human label: "3° trimestre 2026" / "Q3 2026", "2026", "Progetto al 26/11/2026" / "Project to 26/11/2026". */
    public String label(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (kind) {
            case QUARTER -> en ? "Q" + code.substring(6) + " " + code.substring(0, 4)
                    : code.substring(6) + "° trimestre " + code.substring(0, 4);
            case YEAR -> code;
            case PROJECT_TO_DATE -> (en ? "Project to " : "Progetto al ")
                    + to.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        };
    }
}
