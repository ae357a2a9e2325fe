package it.labimpact.cooperation.web;

import it.labimpact.cooperation.TrainingData;
import it.labimpact.cooperation.TrainingDetail;
import it.labimpact.cooperation.TrainingMode;
import it.labimpact.cooperation.TrainingQuery;
import it.labimpact.cooperation.TrainingRegistry;
import it.labimpact.cooperation.TrainingSummary;
import it.labimpact.cooperation.TrainingTheme;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.OrganisationQuery;
import it.labimpact.partnership.OrganisationSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Training pages: the list with the operators trained in a period, a training, its creation and edits. */
@Controller
class TrainingController {

    private final TrainingRegistry trainings;
    private final Partnership partnership;
    private final MessageSource messages;
    private final Validator validator;

    TrainingController(TrainingRegistry trainings, Partnership partnership, MessageSource messages,
            Validator validator) {
        this.trainings = trainings;
        this.partnership = partnership;
        this.messages = messages;
        this.validator = validator;
    }

    @ModelAttribute("themes")
    TrainingTheme[] themes() {
        return TrainingTheme.values();
    }

    @ModelAttribute("modes")
    TrainingMode[] modes() {
        return TrainingMode.values();
    }

    /** The list; {@code from}/{@code to} (default: this year) bound both the list and the trained count. */
    @GetMapping("/trainings")
    String list(@RequestParam(required = false) String network, @RequestParam(required = false) TrainingTheme theme,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = LocalDate.now();
        LocalDate first = from == null ? today.withDayOfYear(1) : from;
        LocalDate last = to == null ? today.withMonth(12).withDayOfMonth(31) : to;
        TrainingQuery query = new TrainingQuery(network, theme, first, last);
        PageResponse<TrainingSummary> result = trainings.trainings(query, new PageRequest(page, 25));
        String countNetwork = TrainingQuery.PROJECT.equals(network) ? null : network;
        model.addAttribute("result", result);
        model.addAttribute("query", query);
        model.addAttribute("networks", trainings.readableNetworks());
        model.addAttribute("trained", trainings.trainedOperators(countNetwork, first, last));
        model.addAttribute("canCreate", TrainingRegistry.canCreate(Actor.require()));
        return "training/list";
    }

    @GetMapping("/trainings/{id}")
    String detail(@PathVariable long id, Model model) {
        TrainingDetail training = trainings.detail(id);
        model.addAttribute("training", training);
        model.addAttribute("canChange", TrainingRegistry.canChange(Actor.require(), training.summary().networkCode()));
        return "training/training";
    }

    @GetMapping("/trainings/new")
    String newForm(Model model) {
        Actor actor = Actor.require();
        if (!TrainingRegistry.canCreate(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " does not create trainings");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("networkCode", actor.seesWholeProject() ? "" : actor.networkCode());
        values.put("theme", TrainingTheme.INTERCULTURAL_SKILLS.name());
        values.put("mode", TrainingMode.IN_PERSON.name());
        return form(model, null, values, Map.of());
    }

    @PostMapping("/trainings")
    String create(@Valid @ModelAttribute("form") TrainingData form, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, null, typed(request), bindingErrors(binding, request, locale));
        }
        try {
            long id = trainings.create(form);
            redirect.addFlashAttribute("success", "training.saved");
            return "redirect:/trainings/" + id;
        } catch (RuleViolationException e) {
            return form(model, null, typed(request), FormErrors.of(e, messages, locale));
        }
    }

    @GetMapping("/trainings/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        TrainingDetail training = changeable(id);
        return form(model, training, values(training.data()), Map.of());
    }

    @PostMapping("/trainings/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") TrainingData form, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        TrainingDetail training = changeable(id);
        if (binding.hasErrors()) {
            return form(model, training, typed(request), bindingErrors(binding, request, locale));
        }
        try {
            trainings.update(id, form);
            redirect.addFlashAttribute("success", "training.saved");
            return "redirect:/trainings/" + id;
        } catch (RuleViolationException e) {
            return form(model, training, typed(request), FormErrors.of(e, messages, locale));
        } catch (ConcurrentEditException e) {
            return form(model, training, typed(request), FormErrors.conflict(messages, locale));
        }
    }

    /** The training, when the actor may change it (403 otherwise, 404 when not readable). */
    private TrainingDetail changeable(long id) {
        TrainingDetail training = trainings.detail(id);
        if (!TrainingRegistry.canChange(Actor.require(), training.summary().networkCode())) {
            throw new AccessDeniedException("Not allowed to change training " + id);
        }
        return training;
    }

    private Map<String, String> bindingErrors(BindingResult binding, HttpServletRequest request, Locale locale) {
        return FormErrors.of(binding, TrainingData.class, request, validator, messages, locale);
    }

    private String form(Model model, TrainingDetail training, Map<String, Object> values, Map<String, String> errors) {
        Actor actor = Actor.require();
        List<NetworkSummary> networks = trainings.readableNetworks().stream()
                .filter(n -> TrainingRegistry.canChange(actor, n.code())).toList();
        model.addAttribute("training", training);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("networks", networks);
        model.addAttribute("projectAllowed", TrainingRegistry.canChange(actor, null));
        model.addAttribute("organisations", allOrganisations(partnership));
        return "training/training-form";
    }

    /** Every organisation of the partnership, by name (the organiser may be any of them). */
    static List<OrganisationSummary> allOrganisations(Partnership partnership) {
        return partnership.organisations(new OrganisationQuery(null, null, null, null), new PageRequest(0, 500))
                .items();
    }

    private static Map<String, Object> values(TrainingData d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", d.title());
        v.put("theme", d.theme().name());
        v.put("organiserOrganisationId", String.valueOf(d.organiserOrganisationId()));
        v.put("networkCode", d.networkCode() == null ? "" : d.networkCode());
        v.put("startDate", d.startDate().toString());
        v.put("endDate", d.endDate().toString());
        v.put("hours", plain(d.hours()));
        v.put("mode", d.mode().name());
        v.put("description", d.description());
        v.put("version", String.valueOf(d.version()));
        return v;
    }

    /** The form's values exactly as typed, so that nothing is lost when the form comes back with errors. */
    private static Map<String, Object> typed(HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> v.put(name, value.length == 0 ? "" : value[0]));
        return v;
    }

    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
