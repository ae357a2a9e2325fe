package it.labimpact.cooperation.web;

import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingSummary;
import it.labimpact.shared.calendar.MonthCalendar;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The month's governance meetings: a grid of weeks on wide screens, a list of days on narrow ones. */
@Controller
class MeetingCalendarController {

    private final MeetingRegistry meetings;
    private final GovernanceBodies bodies;

    MeetingCalendarController(MeetingRegistry meetings, GovernanceBodies bodies) {
        this.meetings = meetings;
        this.bodies = bodies;
    }

    @GetMapping("/governance/calendar")
    String calendar(@RequestParam(required = false) String month, @RequestParam(required = false) String network,
            Model model, Locale locale) {
        YearMonth shown = MonthCalendar.month(month);
        List<MeetingSummary> entries = meetings.calendar(shown, network);
        MonthCalendar.addTo(model, shown, entries, MeetingSummary::date, locale);
        model.addAttribute("count", entries.size());
        model.addAttribute("network", network);
        model.addAttribute("networks", bodies.readableNetworks());
        return "governance/calendar";
    }
}
