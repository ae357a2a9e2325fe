package it.labimpact.activity.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityDetail;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.SessionView;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Activity pages: the filtered list, an activity with its organisations and sessions, its creation and edits. */
@Controller
class ActivityController {

    /** A network and its current members, the organisations an activity of that network may have. */
    record NetworkMembers(String code, String name, List<Member> members) {
    }

    private final ActivityCatalogue catalogue;
    private final ActivityManagement management;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final MessageSource messages;
    private final Validator validator;

    private final TransactionTemplate pageReads;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    ActivityController(ActivityCatalogue catalogue, ActivityManagement management, Partnership partnership,
            TerritoryCatalogue territory, MessageSource messages, Validator validator,
            PlatformTransactionManager transactions) {
        this.pageReads = new TransactionTemplate(transactions);
        this.pageReads.setReadOnly(true);
        this.validator = validator;
        this.catalogue = catalogue;
        this.management = management;
        this.partnership = partnership;
        this.territory = territory;
        this.messages = messages;
    }

    @ModelAttribute("statuses")
    ActivityStatus[] statuses() {
        return ActivityStatus.values();
    }

    @GetMapping("/activities")
    String list(@RequestParam(required = false) String network, @RequestParam(required = false) String type,
            @RequestParam(required = false) String action, @RequestParam(required = false) ActivityStatus status,
            @RequestParam(required = false) String comune, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ActivityQuery query = new ActivityQuery(network, type, action, status, comune, q, from, to);
        // the page's reads share one transaction: a request borrows one connection from the pool, not three
        return pageReads.execute(tx -> {
            ActivityCatalogue.ListPage list = catalogue.listPage(query, new PageRequest(page, 25));
            model.addAttribute("result", list.result());
            model.addAttribute("query", query);
            model.addAttribute("networks", list.networks());
            model.addAttribute("types", list.types());
            model.addAttribute("canCreate", ActivityManagement.canCreate(Actor.require()));
            // one formatter for the rows' dates (#temporals.format parses its pattern at every call)
            model.addAttribute("dayFormat", DAY);
            return "activity/activities";
        });
    }

    /** An activity; {@code editSession} puts that session in the session form instead of a new one. */
    @GetMapping("/activities/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Long editSession, Model model,
            Locale locale) {
        ActivityDetail activity = catalogue.detail(id);
        Map<String, String> session = new LinkedHashMap<>();
        SessionView edited = editSession == null ? null : activity.sessions().stream()
                .filter(s -> s.id() == editSession).findFirst().orElse(null);
        if (edited != null) {
            session.put("date", edited.date().toString());
            session.put("startTime", edited.startTime() == null ? "" : edited.startTime().toString());
            session.put("endTime", edited.endTime() == null ? "" : edited.endTime().toString());
            session.put("hours", plain(edited.hours()));
            session.put("venue", edited.venue());
            session.put("version", String.valueOf(edited.version()));
        } else {
            session.put("venue", activity.venue());
        }
        return detailPage(model, activity, locale, session, Map.of(), edited == null ? null : edited.id());
    }

    /** The activity page, with the session form holding {@code sessionValues} and its errors. */
    static String detailPage(Model model, ActivityDetail activity, Locale locale, Map<String, String> sessionValues,
            Map<String, String> sessionErrors, Long sessionFormId) {
        model.addAttribute("activity", activity);
        model.addAttribute("canChange", ActivityManagement.canChange(Actor.require(), activity.networkCode()));
        model.addAttribute("languageNames", languageNames(activity.languages(), locale));
        model.addAttribute("sessionValues", sessionValues);
        model.addAttribute("sessionErrors", sessionErrors);
        model.addAttribute("sessionFormId", sessionFormId);
        return "activity/activity";
    }

    @GetMapping("/activities/new")
    String newForm(Model model) {
        Actor actor = Actor.require();
        if (!ActivityManagement.canCreate(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " does not create activities");
        }
        List<NetworkSummary> networks = catalogue.readableNetworks();
        String network = actor.seesWholeProject() ? "" : actor.networkCode();
        ActivityData blank = new ActivityData("", "", network, null, List.of(), "", "", null, null, null, List.of("it"),
                null, "", "", ActivityStatus.PLANNED, null);
        return form(model, null, values(blank), Map.of(), networks);
    }

    @PostMapping("/activities")
    String create(@Valid @ModelAttribute("form") ActivityData form, BindingResult binding, HttpServletRequest request,
            Model model, Locale locale, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, null, typed(request), bindingErrors(binding, request, locale),
                    catalogue.readableNetworks());
        }
        try {
            long id = management.create(form);
            redirect.addFlashAttribute("success", "activity.saved");
            return "redirect:/activities/" + id;
        } catch (RuleViolationException e) {
            return form(model, null, typed(request), FormErrors.of(e, messages, locale), catalogue.readableNetworks());
        }
    }

    @GetMapping("/activities/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ActivityDetail activity = catalogue.detail(id);
        if (!ActivityManagement.canChange(Actor.require(), activity.networkCode())) {
            throw new AccessDeniedException("Not allowed to change activity " + id);
        }
        return form(model, activity, values(activity.data()), Map.of(), catalogue.readableNetworks());
    }

    @PostMapping("/activities/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ActivityData form, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        ActivityDetail activity = catalogue.detail(id);
        if (binding.hasErrors()) {
            return form(model, activity, typed(request), bindingErrors(binding, request, locale),
                    catalogue.readableNetworks());
        }
        try {
            management.update(id, form);
            redirect.addFlashAttribute("success", "activity.saved");
            return "redirect:/activities/" + id;
        } catch (RuleViolationException e) {
            return form(model, activity, typed(request), FormErrors.of(e, messages, locale),
                    catalogue.readableNetworks());
        } catch (ConcurrentEditException e) {
            return form(model, activity, typed(request), FormErrors.conflict(messages, locale),
                    catalogue.readableNetworks());
        }
    }

    private Map<String, String> bindingErrors(BindingResult binding, HttpServletRequest request, Locale locale) {
        return FormErrors.of(binding, ActivityData.class, request, validator, messages, locale);
    }

    private String form(Model model, ActivityDetail activity, Map<String, Object> values, Map<String, String> errors,
            List<NetworkSummary> networks) {
        model.addAttribute("activity", activity);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("networks", networks);
        model.addAttribute("types", catalogue.types().stream()
                .filter(t -> t.active() || (activity != null && t.code().equals(activity.type().code()))).toList());
        model.addAttribute("candidates", networks.stream().map(n -> new NetworkMembers(n.code(), n.name(),
                partnership.network(n.code()).orElseThrow().members().stream().filter(Member::active).toList()))
                .toList());
        model.addAttribute("comuni", territory.allComuni(new ComuneQuery(null, null, null)));
        return "activity/activity-form";
    }

    /** The form's values as text, from the activity's data. */
    private static Map<String, Object> values(ActivityData d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", d.title());
        v.put("typeCode", d.typeCode());
        v.put("networkCode", d.networkCode());
        v.put("leadOrganisationId", d.leadOrganisationId() == null ? "" : d.leadOrganisationId().toString());
        v.put("organisationIds", d.organisationIds() == null ? List.of()
                : d.organisationIds().stream().map(String::valueOf).toList());
        v.put("comuneIstat", d.comuneIstat());
        v.put("venue", d.venue());
        v.put("startDate", d.startDate() == null ? "" : d.startDate().toString());
        v.put("endDate", d.endDate() == null ? "" : d.endDate().toString());
        v.put("plannedHours", d.plannedHours() == null ? "" : plain(d.plannedHours()));
        v.put("languages", d.languages() == null ? "" : String.join(", ", d.languages()));
        v.put("capacity", d.capacity() == null ? "" : d.capacity().toString());
        v.put("targetGroup", d.targetGroup());
        v.put("description", d.description());
        v.put("status", d.status() == null ? "" : d.status().name());
        v.put("version", d.version() == null ? "" : d.version().toString());
        return v;
    }

    /** The form's values exactly as typed, so that nothing is lost when the form comes back with errors. */
    private static Map<String, Object> typed(HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> v.put(name,
                name.equals("organisationIds") ? List.of(value) : value.length == 0 ? "" : value[0]));
        v.putIfAbsent("organisationIds", List.of());
        return v;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    static Map<String, String> languageNames(List<String> codes, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : codes) {
            String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
            names.put(code, name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1));
        }
        return names;
    }
}
