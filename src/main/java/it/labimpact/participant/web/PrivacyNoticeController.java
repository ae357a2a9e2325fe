package it.labimpact.participant.web;

import it.labimpact.participant.PrivacyNotices;
import it.labimpact.shared.RuleViolationException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The privacy notice shown at registration: coordinators edit it, and each save publishes a new version. */
@Controller
class PrivacyNoticeController {

    private final PrivacyNotices notices;

    PrivacyNoticeController(PrivacyNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/admin/privacy-notice")
    String edit(Model model) {
        if (!model.containsAttribute("italian")) {
            model.addAttribute("italian", notices.current(Locale.ITALIAN).body());
            model.addAttribute("english", notices.current(Locale.ENGLISH).body());
        }
        model.addAttribute("current", notices.current(Locale.ITALIAN));
        return "participant/privacy-notice";
    }

    @PostMapping("/admin/privacy-notice")
    String publish(@RequestParam(defaultValue = "") String italian, @RequestParam(defaultValue = "") String english,
            Model model, RedirectAttributes redirect) {
        try {
            int version = notices.publish(italian, english);
            redirect.addFlashAttribute("success", "notice.published");
            redirect.addFlashAttribute("publishedVersion", version);
            return "redirect:/admin/privacy-notice";
        } catch (RuleViolationException e) {
            model.addAttribute("italian", italian);
            model.addAttribute("english", english);
            model.addAttribute("fieldError", e.field());
            return edit(model);
        }
    }
}
