package it.labimpact.identity.web;

import it.labimpact.identity.ApiTokens;
import it.labimpact.shared.RuleViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own API tokens: create (the secret is shown once), list, revoke. */
@Controller
class AccountController {

    private final ApiTokens tokens;

    AccountController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "90") int days,
            Model model) {
        try {
            model.addAttribute("created", tokens.create(name, days));
        } catch (RuleViolationException e) {
            model.addAttribute("tokenError", e);
            model.addAttribute("name", name);
        }
        return tokens(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("success", "token.revoked");
        return "redirect:/account/tokens";
    }
}
