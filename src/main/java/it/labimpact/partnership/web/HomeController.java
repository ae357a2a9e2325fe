package it.labimpact.partnership.web;

import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page (with the partnership's figures once logged in) and the page about the data. */
@Controller
class HomeController {

    private final Partnership partnership;

    HomeController(Partnership partnership) {
        this.partnership = partnership;
    }

    @GetMapping("/")
    String home(Model model) {
        if (Actor.current().isPresent()) {
            List<NetworkSummary> networks = partnership.networks();
            model.addAttribute("networks", networks.size());
            model.addAttribute("comuni", networks.stream().mapToInt(NetworkSummary::comuni).sum());
            model.addAttribute("population", networks.stream().mapToLong(NetworkSummary::population).sum());
        }
        return "home";
    }

    @GetMapping("/about")
    String about() {
        return "about";
    }
}
