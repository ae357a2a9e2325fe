package it.labimpact.cooperation.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The cooperation hub: governance, agreements and referrals, operator training, needs from the territory. */
@Controller
class CooperationController {

    @GetMapping("/cooperation")
    String hub() {
        return "cooperation/index";
    }
}
