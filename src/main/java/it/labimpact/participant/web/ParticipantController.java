package it.labimpact.participant.web;

import it.labimpact.participant.Countries;
import it.labimpact.participant.Country;
import it.labimpact.participant.FieldWarning;
import it.labimpact.participant.ParticipantExport;
import it.labimpact.participant.ParticipantListing;
import it.labimpact.participant.ParticipantQuery;
import it.labimpact.participant.ParticipantRecord;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.PermitType;
import it.labimpact.participant.PrivacyNotices;
import it.labimpact.participant.Registration;
import it.labimpact.participant.Vulnerability;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Participant pages: the list and search, registration, a record with its rectification and erasure, the
 * printable export, and the pseudonymised list for evaluators.
 */
@Controller
class ParticipantController {

    private final ParticipantRegistry registry;
    private final PrivacyNotices notices;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final SmartValidator validator;
    private final EnrolmentSection enrolmentSection;

    private final TransactionTemplate pageReads;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    ParticipantController(ParticipantRegistry registry, PrivacyNotices notices, Partnership partnership,
            TerritoryCatalogue territory, SmartValidator validator, EnrolmentSection enrolmentSection,
            PlatformTransactionManager transactions) {
        this.pageReads = new TransactionTemplate(transactions);
        this.enrolmentSection = enrolmentSection;
        this.registry = registry;
        this.notices = notices;
        this.partnership = partnership;
        this.territory = territory;
        this.validator = validator;
    }

    /**
     * The list (or a search). Its reads share one transaction, so a request borrows one connection from the pool
     * once (under load, each borrow of a returned connection spins in the pool's hand-off).
     */
    @GetMapping("/participants")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String network,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        model.addAttribute("q", q);
        model.addAttribute("network", network);
        return pageReads.execute(status -> {
            model.addAttribute("networks", partnership.networkChoices());
            PageResponse<ParticipantListing> result;
            try {
                result = registry.list(new ParticipantQuery(q, network), new PageRequest(page, 25));
            } catch (RuleViolationException e) {
                status.setRollbackOnly();
                model.addAttribute("errorKey", e.messageKey());
                model.addAttribute("errorArgs", e.args());
                result = new PageResponse<>(List.of(), 0, 25, 0);
            }
            model.addAttribute("result", result);
            model.addAttribute("comuneNames", comuneNames(result.items().stream()
                    .map(l -> l.summary().residenceIstat()).toList()));
            model.addAttribute("countryNames", countryNames(locale));
            // one formatter for the rows' dates (#temporals.format parses its pattern at every call)
            model.addAttribute("dayFormat", DAY);
            return "participant/list";
        });
    }

    @GetMapping("/participants/new")
    String newForm(Model model, Locale locale) {
        ParticipantForm form = new ParticipantForm();
        form.setFirstContactDate(LocalDate.now());
        form.setCitizenship("");
        Actor actor = Actor.require();
        form.setNetworkCode(actor.seesWholeProject() ? null : actor.networkCode());
        model.addAttribute("form", form);
        return registrationPage(model, locale, List.of());
    }

    @PostMapping("/participants")
    String register(@ModelAttribute("form") ParticipantForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            validator.validate(form.toData(), errors);
        }
        if (!form.isConsent()) {
            errors.rejectValue("consent", "participant.consent.required");
        }
        Actor actor = Actor.require();
        if (actor.seesWholeProject() && (form.getNetworkCode() == null || form.getNetworkCode().isBlank())) {
            errors.rejectValue("networkCode", "participant.network.required");
        }
        if (actor.scope() != ScopeType.ORGANISATION && form.getOrganisationId() == null) {
            errors.rejectValue("organisationId", "participant.organisation.required");
        }
        if (errors.hasErrors()) {
            return registrationPage(model, locale, List.of());
        }
        List<FieldWarning> warnings = registry.warnings(form.toData());
        if (!warnings.isEmpty() && !form.isConfirmWarnings()) {
            return registrationPage(model, locale, warnings);
        }
        try {
            Registration registration = registry.register(form.getNetworkCode(), form.getOrganisationId(),
                    form.getNoticeVersion(), form.toData());
            redirect.addFlashAttribute("success", "participant.registered");
            redirect.addFlashAttribute("alreadyKnown", registration.alreadyRegisteredInProject());
            return "redirect:/participants/" + registration.participantId();
        } catch (RuleViolationException e) {
            reject(errors, e);
            return registrationPage(model, locale, List.of());
        }
    }

    @GetMapping("/participants/{id}")
    String record(@PathVariable String id, Model model, Locale locale) {
        ParticipantRecord record = registry.read(uuid(id));
        if (!model.containsAttribute("form") && !record.summary().erased()) {
            model.addAttribute("form", ParticipantForm.of(record));
        }
        return recordPage(record, model, locale, List.of());
    }

    @PostMapping("/participants/{id}")
    String rectify(@PathVariable String id, @ModelAttribute("form") ParticipantForm form, BindingResult errors,
            Model model, Locale locale, RedirectAttributes redirect) {
        UUID participant = uuid(id);
        if (!errors.hasErrors()) {
            validator.validate(form.toData(), errors);
        }
        List<FieldWarning> warnings = errors.hasErrors() ? List.of() : registry.warnings(form.toData());
        if (errors.hasErrors() || (!warnings.isEmpty() && !form.isConfirmWarnings())) {
            return recordPage(registry.read(participant), model, locale, warnings);
        }
        try {
            registry.rectify(participant, form.getVersion() == null ? -1 : form.getVersion(), form.toData());
            redirect.addFlashAttribute("success", "participant.rectified");
            return "redirect:/participants/" + participant;
        } catch (RuleViolationException e) {
            reject(errors, e);
        } catch (ConcurrentEditException e) {
            errors.reject("edit.conflict");
        }
        return recordPage(registry.read(participant), model, locale, List.of());
    }

    @PostMapping("/participants/{id}/erase")
    String erase(@PathVariable String id, @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        UUID participant = uuid(id);
        if (!confirm) {
            registry.summary(participant);
            redirect.addFlashAttribute("errorKey", "participant.erase.confirmRequired");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
            return "redirect:/participants/" + participant + "#erase";
        }
        try {
            registry.erase(participant);
            redirect.addFlashAttribute("success", "participant.erasedDone");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/participants/" + participant;
    }

    @GetMapping("/participants/{id}/export")
    String export(@PathVariable String id, Model model, Locale locale) {
        model.addAttribute("export", registry.export(uuid(id)));
        model.addAttribute("countryNames", countryNames(locale));
        return "participant/export";
    }

    @GetMapping("/participants/{id}/export.json")
    ResponseEntity<ParticipantExport> exportJson(@PathVariable String id) {
        UUID participant = uuid(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"participant-" + participant + ".json\"")
                .body(registry.export(participant));
    }

    @GetMapping("/participants/pseudonymised")
    String pseudonymised(@RequestParam(required = false) String network, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        var result = registry.pseudonymised(network, new PageRequest(page, 50));
        model.addAttribute("result", result);
        model.addAttribute("network", network);
        model.addAttribute("networks", partnership.networks());
        model.addAttribute("countryNames", countryNames(locale));
        model.addAttribute("comuneNames", comuneNames(result.items().stream().map(p -> p.residenceIstat()).toList()));
        return "participant/pseudonymised";
    }

    // --- page models ---

    private String registrationPage(Model model, Locale locale, List<FieldWarning> warnings) {
        Actor actor = Actor.require();
        formOptions(model, locale, actor);
        model.addAttribute("notice", notices.current(locale));
        model.addAttribute("warnings", byField(warnings));
        if (actor.seesWholeProject()) {
            model.addAttribute("networks", partnership.networks());
        }
        model.addAttribute("memberGroups", memberGroups(actor));
        return "participant/new";
    }

    private String recordPage(ParticipantRecord record, Model model, Locale locale, List<FieldWarning> warnings) {
        Actor actor = Actor.require();
        model.addAttribute("record", record);
        model.addAttribute("countryNames", countryNames(locale));
        model.addAttribute("networkName", partnership.network(record.summary().networkCode())
                .map(n -> n.summary().name()).orElse(record.summary().networkCode()));
        model.addAttribute("canErase", actor.role() != Role.OPERATOR);
        model.addAttribute("warnings", byField(warnings));
        formOptions(model, locale, actor);
        enrolmentSection.addTo(model, record.summary());
        return "participant/record";
    }

    private void formOptions(Model model, Locale locale, Actor actor) {
        model.addAttribute("countries", Countries.sorted(locale));
        model.addAttribute("comuni", territory.allComuni(new ComuneQuery(null, null, null)));
        model.addAttribute("vulnerabilityValues", Vulnerability.values());
        model.addAttribute("permitTypes", PermitType.values());
        model.addAttribute("sexes", it.labimpact.participant.Sex.values());
        model.addAttribute("seesSensitive", actor.role() != Role.ADMIN);
    }

    /** A network's members, grouped: the actor's network, or every network for project-wide actors. */
    record MemberGroup(String networkCode, String networkName, List<Member> members) {
    }

    private List<MemberGroup> memberGroups(Actor actor) {
        List<NetworkSummary> networks = partnership.networks().stream()
                .filter(n -> actor.seesWholeProject() || n.code().equals(actor.networkCode())).toList();
        return networks.stream().map(n -> new MemberGroup(n.code(), n.name(),
                partnership.network(n.code()).orElseThrow().members().stream().filter(Member::active)
                        .filter(m -> actor.scope() != ScopeType.ORGANISATION
                                || m.organisationId() == actor.organisationId())
                        .toList()))
                .toList();
    }

    private Map<String, String> comuneNames(List<String> codes) {
        List<String> distinct = codes.stream().distinct().toList();
        return distinct.isEmpty() ? Map.of() : territory.allComuni(new ComuneQuery(null, null, distinct)).stream()
                .collect(Collectors.toMap(Comune::istatCode, Comune::name));
    }

    /** Country code → name in the locale's order, made once per locale (sorting with a collator is not cheap). */
    static Map<String, String> countryNames(Locale locale) {
        return COUNTRY_NAMES.computeIfAbsent(locale, l -> Collections.unmodifiableMap(Countries.sorted(l).stream()
                .collect(Collectors.toMap(Country::code, c -> c.name(l), (a, b) -> a, LinkedHashMap::new))));
    }

    private static final Map<Locale, Map<String, String>> COUNTRY_NAMES = new ConcurrentHashMap<>();

    private static Map<String, FieldWarning> byField(List<FieldWarning> warnings) {
        return warnings.stream().collect(Collectors.toMap(FieldWarning::field, Function.identity(), (a, b) -> a));
    }

    private static void reject(BindingResult errors, RuleViolationException e) {
        if (e.field() != null && errors.getFieldType(e.field()) != null) {
            errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
        } else {
            errors.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }

    /** A participant id from the path; anything that is not a UUID is simply not found. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("participant", id);
        }
    }
}
