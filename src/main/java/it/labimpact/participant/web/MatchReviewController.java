package it.labimpact.participant.web;

import it.labimpact.participant.MatchReview;
import it.labimpact.participant.MatchReviews;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinators' queue of possible duplicates: both records side by side, then a decision. */
@Controller
class MatchReviewController {

    private final MatchReviews reviews;
    private final Partnership partnership;

    MatchReviewController(MatchReviews reviews, Partnership partnership) {
        this.reviews = reviews;
        this.partnership = partnership;
    }

    @GetMapping("/admin/participant-matches")
    String queue(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        model.addAttribute("result", reviews.open(new PageRequest(page, 10)));
        model.addAttribute("countryNames", ParticipantController.countryNames(locale));
        model.addAttribute("networkNames", partnership.networks().stream()
                .collect(Collectors.toMap(NetworkSummary::code, NetworkSummary::name)));
        return "participant/matches";
    }

    @PostMapping("/admin/participant-matches/{id}")
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam MatchReview.Status decision,
            RedirectAttributes redirect) {
        try {
            reviews.decide(id, version, decision);
            redirect.addFlashAttribute("success", decision == MatchReview.Status.MERGED ? "match.merged" : "match.distinct");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
        }
        return "redirect:/admin/participant-matches";
    }
}
