package it.labimpact.cooperation.web;

import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.MeetingDecision;
import it.labimpact.cooperation.MeetingRegistry;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The decisions still to be done, earliest due first, overdue ones marked in words and with an icon. */
@Controller
class MeetingDecisionController {

    private final MeetingRegistry meetings;
    private final GovernanceBodies bodies;

    MeetingDecisionController(MeetingRegistry meetings, GovernanceBodies bodies) {
        this.meetings = meetings;
        this.bodies = bodies;
    }

    @GetMapping("/governance/decisions")
    String pending(@RequestParam(required = false) String network, Model model) {
        List<MeetingDecision> decisions = meetings.pendingDecisions(network, null);
        model.addAttribute("decisions", decisions);
        model.addAttribute("overdue", decisions.stream().filter(MeetingDecision::overdue).count());
        model.addAttribute("network", network);
        model.addAttribute("networks", bodies.readableNetworks());
        return "governance/decisions";
    }
}
