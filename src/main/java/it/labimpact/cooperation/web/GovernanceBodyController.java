package it.labimpact.cooperation.web;

import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.GovernanceBody;
import it.labimpact.cooperation.GovernanceBodyData;
import it.labimpact.cooperation.GovernanceBodyKind;
import it.labimpact.cooperation.MeetingQuery;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Governance bodies: the list, a body with its members and meetings, its creation and edits. */
@Controller
class GovernanceBodyController {

    private static final String LISTS = "organisationIds";

    private final GovernanceBodies bodies;
    private final MeetingRegistry meetings;
    private final MessageSource messages;

    GovernanceBodyController(GovernanceBodies bodies, MeetingRegistry meetings, MessageSource messages) {
        this.bodies = bodies;
        this.meetings = meetings;
        this.messages = messages;
    }

    @GetMapping("/governance")
    String home() {
        return "redirect:/governance/bodies";
    }

    @GetMapping("/governance/bodies")
    String list(@RequestParam(required = false) String network, Model model) {
        model.addAttribute("bodies", bodies.bodies(network));
        model.addAttribute("network", network);
        model.addAttribute("networks", bodies.readableNetworks());
        model.addAttribute("canCreate", GovernanceBodies.canCreate(Actor.require()));
        return "governance/bodies";
    }

    @GetMapping("/governance/bodies/{id}")
    String detail(@PathVariable long id, Model model) {
        GovernanceBody body = bodies.body(id);
        model.addAttribute("body", body);
        model.addAttribute("meetings", meetings.meetings(new MeetingQuery(id, null, null, null, null),
                new PageRequest(0, 100)));
        return "governance/body";
    }

    @GetMapping("/governance/bodies/new")
    String newForm(Model model) {
        Actor actor = Actor.require();
        if (!GovernanceBodies.canCreate(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " does not create governance bodies");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", GovernanceBodyKind.WORKING_GROUP.name());
        values.put("networkCode", actor.role() == Role.NETWORK_LEAD ? actor.networkCode() : "");
        values.put("organisationIds", List.of());
        values.put("active", "true");
        return form(model, null, values, Map.of());
    }

    @PostMapping("/governance/bodies")
    String create(@Valid @ModelAttribute("form") GovernanceBodyData form, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        Map<String, Object> typed = FormErrors.typed(request, LISTS);
        if (binding.hasErrors()) {
            return form(model, null, typed, FormErrors.of(binding, messages, locale));
        }
        try {
            long id = bodies.create(form);
            redirect.addFlashAttribute("success", "governance.body.saved");
            return "redirect:/governance/bodies/" + id;
        } catch (RuleViolationException e) {
            return form(model, null, typed, FormErrors.of(e, messages, locale));
        }
    }

    @GetMapping("/governance/bodies/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        GovernanceBody body = manageable(id);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", body.kind().name());
        values.put("networkCode", body.networkCode() == null ? "" : body.networkCode());
        values.put("name", body.name());
        values.put("description", body.description());
        values.put("organisationIds", body.members().stream().map(m -> String.valueOf(m.organisationId())).toList());
        values.put("active", String.valueOf(body.active()));
        values.put("version", String.valueOf(body.version()));
        return form(model, body, values, Map.of());
    }

    @PostMapping("/governance/bodies/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") GovernanceBodyData form,
            BindingResult binding, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        GovernanceBody body = manageable(id);
        Map<String, Object> typed = FormErrors.typed(request, LISTS);
        if (binding.hasErrors()) {
            return form(model, body, typed, FormErrors.of(binding, messages, locale));
        }
        try {
            bodies.update(id, form);
            redirect.addFlashAttribute("success", "governance.body.saved");
            return "redirect:/governance/bodies/" + id;
        } catch (RuleViolationException e) {
            return form(model, body, typed, FormErrors.of(e, messages, locale));
        } catch (ConcurrentEditException e) {
            return form(model, body, typed, FormErrors.conflict(messages, locale));
        }
    }

    private GovernanceBody manageable(long id) {
        GovernanceBody body = bodies.body(id);
        if (!body.canManage()) {
            throw new AccessDeniedException("Not allowed to manage governance body " + id);
        }
        return body;
    }

    private String form(Model model, GovernanceBody body, Map<String, Object> values, Map<String, String> errors) {
        Actor actor = Actor.require();
        List<NetworkSummary> networks = bodies.readableNetworks().stream()
                .filter(n -> GovernanceBodies.canManage(actor, n.code())).toList();
        model.addAttribute("body", body);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("networks", networks);
        model.addAttribute("projectWideAllowed", GovernanceBodies.canManage(actor, null));
        model.addAttribute("kinds", GovernanceBodyKind.values());
        String network = body != null ? body.networkCode()
                : actor.role() == Role.NETWORK_LEAD ? actor.networkCode() : null;
        model.addAttribute("candidates", GovernanceForms.withOthers(bodies.candidates(network),
                body == null ? List.of() : body.members(),
                messages.getMessage("governance.otherOrganisations", null, LocaleContextHolder.getLocale())));
        return "governance/body-form";
    }
}
