package it.labimpact.cooperation.web;

import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingSummary;
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
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The month's governance meetings: a grid of weeks on wide screens, a list of days on narrow ones. */
@Controller
class MeetingCalendarController {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** One day of the grid. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<MeetingSummary> meetings) {
    }

    private final MeetingRegistry meetings;
    private final GovernanceBodies bodies;

    MeetingCalendarController(MeetingRegistry meetings, GovernanceBodies bodies) {
        this.meetings = meetings;
        this.bodies = bodies;
    }

    @GetMapping("/governance/calendar")
    String calendar(@RequestParam(required = false) String month, @RequestParam(required = false) String network,
            Model model, Locale locale) {
        YearMonth shown = parse(month);
        List<MeetingSummary> entries = meetings.calendar(shown, network);
        Map<LocalDate, List<MeetingSummary>> byDay = entries.stream()
                .collect(Collectors.groupingBy(MeetingSummary::date));
        LocalDate today = LocalDate.now(ROME);
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate day = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        while (!day.isAfter(last)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(new Day(day, YearMonth.from(day).equals(shown), day.equals(today),
                        byDay.getOrDefault(day, List.of())));
            }
            weeks.add(week);
        }
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("weeks", weeks);
        model.addAttribute("days", weeks.stream().flatMap(List::stream)
                .filter(d -> d.inMonth() && !d.meetings().isEmpty()).toList());
        model.addAttribute("count", entries.size());
        model.addAttribute("network", network);
        model.addAttribute("networks", bodies.readableNetworks());
        model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values()).map(d -> {
            String name = d.getDisplayName(TextStyle.FULL, locale);
            return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        }).toList());
        return "governance/calendar";
    }

    /** The month asked for ({@code 2026-11}), or the current one when absent or not a month. */
    private static YearMonth parse(String month) {
        if (month != null && !month.isBlank()) {
            try {
                return YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                return YearMonth.now(ROME);
            }
        }
        return YearMonth.now(ROME);
    }
}
