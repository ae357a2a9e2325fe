package it.labimpact.identity.web;

import it.labimpact.identity.UserAccount;
import it.labimpact.identity.UserData;
import it.labimpact.identity.UserManagement;
import it.labimpact.partnership.OrganisationQuery;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage accounts: create, change role and scope, disable, unlock, reset the password. */
@Controller
class UserAdminController {

    private final UserManagement users;
    private final Partnership partnership;

    UserAdminController(UserManagement users, Partnership partnership) {
        this.users = users;
        this.partnership = partnership;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", ScopeType.values());
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("users", users.search(q));
        model.addAttribute("q", q);
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        model.addAttribute("form", new UserData("", "", "", Role.OPERATOR, ScopeType.NETWORK, null, null, ""));
        return form(model);
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") UserData form, BindingResult errors,
            @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long id = users.create(form, password);
                redirect.addFlashAttribute("success", "user.saved");
                return "redirect:/admin/users/" + id;
            } catch (RuleViolationException e) {
                if ("password".equals(e.field())) {
                    model.addAttribute("passwordError", e);
                } else {
                    reject(errors, e);
                }
            }
        }
        return form(model);
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount account = users.account(id).orElseThrow(() -> new RecordNotFoundException("user", id));
        model.addAttribute("account", account);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserData(account.username(), account.displayName(), account.email(),
                    account.role(), account.scope(), account.networkCode(), account.organisationId(),
                    account.oidcSubject()));
        }
        return form(model);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") UserData form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                users.update(id, version, form);
                redirect.addFlashAttribute("success", "user.saved");
                return "redirect:/admin/users/" + id;
            } catch (RuleViolationException e) {
                reject(errors, e);
            } catch (ConcurrentEditException e) {
                errors.reject("edit.conflict");
            }
        }
        return edit(id, model);
    }

    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            users.resetPassword(id, password);
            redirect.addFlashAttribute("success", "user.password.reset");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam int version, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        try {
            users.setEnabled(id, version, enabled);
            redirect.addFlashAttribute("success", enabled ? "user.enabled" : "user.disabled");
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        users.unlock(id);
        redirect.addFlashAttribute("success", "user.unlocked");
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model) {
        model.addAttribute("networks", partnership.networks());
        model.addAttribute("organisations", partnership.organisations(new OrganisationQuery(null, null, null, null),
                new PageRequest(0, 500)).items());
        return "identity/user-form";
    }

    private static void reject(BindingResult errors, RuleViolationException e) {
        errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
    }
}
