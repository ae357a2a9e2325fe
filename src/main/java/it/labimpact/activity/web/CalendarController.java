package it.labimpact.activity.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.CalendarEntry;
import it.labimpact.shared.calendar.MonthCalendar;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The month's sessions: a grid of weeks on wide screens, a list of days on narrow ones. */
@Controller
class CalendarController {

    private final ActivityCatalogue catalogue;

    CalendarController(ActivityCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/activities/calendar")
    String calendar(@RequestParam(required = false) String month, @RequestParam(required = false) String network,
            Model model, Locale locale) {
        YearMonth shown = MonthCalendar.month(month);
        List<CalendarEntry> entries = catalogue.calendar(shown, network);
        MonthCalendar.addTo(model, shown, entries, e -> e.session().date(), locale);
        model.addAttribute("sessions", entries.size());
        model.addAttribute("network", network);
        model.addAttribute("networks", catalogue.readableNetworks());
        return "activity/calendar";
    }
}
