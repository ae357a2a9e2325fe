package it.labimpact.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.ui.Model;

/**
 * A month calendar for the pages (activities' sessions, governance meetings): the weeks from Monday to Sunday
 * covering the month, each day with its entries, and the days of the month that have entries (the list shown on
 * phones).
 */
public final class MonthCalendar {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** One day of the grid. */
    public record Day<T>(LocalDate date, boolean inMonth, boolean today, List<T> entries) {
    }

    private MonthCalendar() {
    }

    /** The month asked for ({@code 2026-11}), or the current one when absent or not a month. */
    public static YearMonth month(String month) {
        if (month != null && !month.isBlank()) {
            try {
                return YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                return YearMonth.now(ROME);
            }
        }
        return YearMonth.now(ROME);
    }

    /**
     * Puts the month's grid in the model: {@code month}, {@code previous}, {@code next}, {@code weeks} (lists of
     * seven {@link Day}s), {@code days} (the month's days with entries) and {@code weekdays} (names, Monday first).
     */
    public static <T> void addTo(Model model, YearMonth shown, List<T> entries, Function<T, LocalDate> dateOf,
            Locale locale) {
        Map<LocalDate, List<T>> byDay = entries.stream().collect(Collectors.groupingBy(dateOf));
        LocalDate today = LocalDate.now(ROME);
        List<List<Day<T>>> weeks = new ArrayList<>();
        LocalDate day = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        while (!day.isAfter(last)) {
            List<Day<T>> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(new Day<>(day, YearMonth.from(day).equals(shown), day.equals(today),
                        byDay.getOrDefault(day, List.of())));
            }
            weeks.add(week);
        }
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("weeks", weeks);
        model.addAttribute("days", weeks.stream().flatMap(List::stream)
                .filter(d -> d.inMonth() && !d.entries().isEmpty()).toList());
        model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values()).map(d -> {
            String name = d.getDisplayName(TextStyle.FULL, locale);
            return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        }).toList());
    }
}
