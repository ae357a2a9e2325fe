package it.labimpact.activity.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.SessionData;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The session forms of an activity's page: add, change, delete. A refused form comes back on the activity's
 * page with the values typed and the message beside the field.
 */
@Controller
class SessionController {

    private final ActivityCatalogue catalogue;
    private final ActivityManagement management;
    private final MessageSource messages;
    private final Validator validator;

    SessionController(ActivityCatalogue catalogue, ActivityManagement management, MessageSource messages,
            Validator validator) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.management = management;
        this.messages = messages;
    }

    @PostMapping("/activities/{id}/sessions")
    String add(@PathVariable long id, @Valid @ModelAttribute("session") SessionData session, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        return change(id, null, binding, request, model, locale, redirect, "session.added",
                () -> management.addSession(id, session));
    }

    @PostMapping("/activities/{id}/sessions/{sessionId}")
    String update(@PathVariable long id, @PathVariable long sessionId,
            @Valid @ModelAttribute("session") SessionData session, BindingResult binding, HttpServletRequest request,
            Model model, Locale locale, RedirectAttributes redirect) {
        return change(id, sessionId, binding, request, model, locale, redirect, "session.updated",
                () -> management.updateSession(id, sessionId, session));
    }

    @PostMapping("/activities/{id}/sessions/{sessionId}/delete")
    String delete(@PathVariable long id, @PathVariable long sessionId, @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            management.deleteSession(id, sessionId, version);
            redirect.addFlashAttribute("success", "session.deleted");
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/activities/" + id + "#sessions";
    }

    private String change(long id, Long sessionId, BindingResult binding, HttpServletRequest request, Model model,
            Locale locale, RedirectAttributes redirect, String success, Runnable action) {
        Map<String, String> errors;
        if (binding.hasErrors()) {
            errors = FormErrors.of(binding, SessionData.class, request, validator, messages, locale);
        } else {
            try {
                action.run();
                redirect.addFlashAttribute("success", success);
                return "redirect:/activities/" + id + "#sessions";
            } catch (RuleViolationException e) {
                errors = FormErrors.of(e, messages, locale);
            } catch (ConcurrentEditException e) {
                errors = FormErrors.conflict(messages, locale);
            }
        }
        Map<String, String> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> typed.put(name, value.length == 0 ? "" : value[0]));
        return ActivityController.detailPage(model, catalogue.detail(id), locale, typed, errors, sessionId);
    }
}
