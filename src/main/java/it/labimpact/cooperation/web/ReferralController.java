package it.labimpact.cooperation.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.cooperation.ReferralContacts;
import it.labimpact.cooperation.ReferralData;
import it.labimpact.cooperation.ReferralOutcome;
import it.labimpact.cooperation.ReferralQuery;
import it.labimpact.cooperation.ReferralService;
import it.labimpact.cooperation.ReferralSharing;
import it.labimpact.cooperation.ReferralStatus;
import it.labimpact.cooperation.ReferralView;
import it.labimpact.cooperation.Referrals;
import it.labimpact.participant.Countries;
import it.labimpact.participant.ParticipantListing;
import it.labimpact.participant.ParticipantQuery;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.PrivacyNotices;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
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

/**
 * Referral pages: the inbox and what was sent, sending a referral (with the participant's consent), one referral
 * with the receiving side's steps and what it may do without retyping: read the contacts the consent covers,
 * register the person in its network, enrol them in one of its activities.
 */
@Controller
class ReferralController {

    /** A network and its current members, the organisations a referral may go to. */
    record NetworkMembers(String code, String name, List<Member> members) {
    }

    private final Referrals referrals;
    private final ParticipantRegistry registry;
    private final PrivacyNotices notices;
    private final ActivityCatalogue activities;
    private final Partnership partnership;
    private final MessageSource messages;
    private final Validator validator;

    ReferralController(Referrals referrals, ParticipantRegistry registry, PrivacyNotices notices,
            ActivityCatalogue activities, Partnership partnership, MessageSource messages, Validator validator) {
        this.validator = validator;
        this.referrals = referrals;
        this.registry = registry;
        this.notices = notices;
        this.activities = activities;
        this.partnership = partnership;
        this.messages = messages;
    }

    @ModelAttribute("services")
    ReferralService[] services() {
        return ReferralService.values();
    }

    @GetMapping("/referrals")
    String list(@RequestParam(required = false) ReferralQuery.Box box,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) ReferralService service, @RequestParam(required = false) String network,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actor.require();
        ReferralQuery.Box shown = box != null ? box : actor.seesWholeProject() ? null : ReferralQuery.Box.RECEIVED;
        ReferralQuery query = new ReferralQuery(shown, status, service, network);
        PageResponse<ReferralView> result = referrals.list(query, new PageRequest(page, 25));
        model.addAttribute("result", result);
        model.addAttribute("query", query);
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("networks", partnership.networks());
        model.addAttribute("canSend", Referrals.canSend(actor));
        return "referral/referrals";
    }

    @GetMapping("/referrals/new")
    String newForm(@RequestParam(required = false) UUID participant, @RequestParam(required = false) String q,
            @RequestParam(required = false) String network, Model model, Locale locale) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("participantId", participant == null ? "" : participant.toString());
        values.put("consentOn", LocalDate.now().toString());
        values.put("sharing", ReferralSharing.PROFILE.name());
        return form(model, values, Map.of(), q, network, locale);
    }

    /**
     * Sends a referral. The receiving organisation is chosen as one value, {@code to} = "network:organisation",
     * since an organisation may belong to several networks.
     */
    @PostMapping("/referrals")
    String send(@ModelAttribute("form") ReferralData typed, BindingResult binding,
            @RequestParam(required = false) String to, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        Map<String, Object> values = FormErrors.typed(request);
        if (binding.hasErrors()) {
            return form(model, values, FormErrors.of(binding, messages, locale), null, null, locale);
        }
        ReferralData form = withReceiver(typed, to);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<ReferralData> v : validator.validate(form)) {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field.startsWith("to") ? "to" : field, v.getMessage());
        }
        if (!errors.isEmpty()) {
            return form(model, values, errors, null, null, locale);
        }
        try {
            long id = referrals.send(form);
            redirect.addFlashAttribute("success", "referral.sent");
            return "redirect:/referrals/" + id;
        } catch (RuleViolationException e) {
            Map<String, String> error = FormErrors.of(e, messages, locale);
            return form(model, values, error.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    x -> x.getKey().startsWith("to") ? "to" : x.getKey(), Map.Entry::getValue)), null, null, locale);
        } catch (RecordNotFoundException e) {
            return form(model, values, Map.of("participantId",
                    messages.getMessage("referral.participant.notFound", null, locale)), null, null, locale);
        }
    }

    private static ReferralData withReceiver(ReferralData d, String to) {
        String network = null;
        Long organisation = null;
        if (to != null && to.matches("[^:]+:\\d{1,18}")) {
            network = to.substring(0, to.indexOf(':'));
            organisation = Long.valueOf(to.substring(to.indexOf(':') + 1));
        }
        return new ReferralData(d.participantId(), d.fromOrganisationId(), network, organisation, d.service(),
                d.note(), d.consent(), d.consentOn(), d.consentNotice(), d.sharing());
    }

    /** One referral; {@code contacts} shows the contacts the consent covers to the receiving side (audited). */
    @GetMapping("/referrals/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "false") boolean contacts, Model model,
            Locale locale) {
        ReferralView referral = referrals.referral(id);
        model.addAttribute("referral", referral);
        model.addAttribute("citizenship", Countries.byCode(referral.citizenship()).map(c -> c.name(locale))
                .orElse(referral.citizenship()));
        model.addAttribute("outcomes", ReferralOutcome.values());
        ReferralContacts shown = contacts && referral.receiving()
                && referral.sharing().covers(ReferralSharing.CONTACTS) ? referrals.contacts(id) : null;
        model.addAttribute("contacts", shown);
        model.addAttribute("birthCountry", shown == null || shown.birthCountry() == null ? null
                : Countries.byCode(shown.birthCountry()).map(c -> c.name(locale)).orElse(shown.birthCountry()));
        Optional<UUID> record = referral.receiving() ? referrals.receivingRecord(id) : Optional.empty();
        model.addAttribute("receivingRecord", record.orElse(null));
        model.addAttribute("activities", referral.receiving() && record.isPresent()
                ? openActivities(Actor.require().networkCode()) : List.of());
        return "referral/referral";
    }

    @PostMapping("/referrals/{id}/take-in-charge")
    String takeInCharge(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return step(id, redirect, "referral.taken", () -> referrals.takeInCharge(id, version));
    }

    @PostMapping("/referrals/{id}/decline")
    String decline(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(id, redirect, "referral.declined", () -> referrals.decline(id, version, reason));
    }

    @PostMapping("/referrals/{id}/close")
    String close(@PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) ReferralOutcome outcome, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(id, redirect, "referral.closed", () -> referrals.close(id, version, outcome, note));
    }

    @PostMapping("/referrals/{id}/register")
    String register(@PathVariable long id, @RequestParam(defaultValue = "false") boolean noticeAccepted,
            Locale locale, RedirectAttributes redirect) {
        if (!noticeAccepted) {
            return flashError(id, redirect, "referral.register.noticeRequired");
        }
        int notice = notices.current(locale).version();
        return step(id, redirect, "referral.registered",
                () -> referrals.registerInReceivingNetwork(id, null, notice));
    }

    @PostMapping("/referrals/{id}/enrol")
    String enrol(@PathVariable long id, @RequestParam(required = false) Long activityId, RedirectAttributes redirect) {
        if (activityId == null) {
            return flashError(id, redirect, "referral.enrol.activityRequired");
        }
        return step(id, redirect, "referral.enrolled", () -> referrals.enrol(id, activityId));
    }

    private String step(long id, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (ConcurrentEditException e) {
            return flashError(id, redirect, "edit.conflict");
        }
        return "redirect:/referrals/" + id;
    }

    private static String flashError(long id, RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("errorKey", key);
        redirect.addFlashAttribute("errorArgs", new Object[0]);
        return "redirect:/referrals/" + id;
    }

    private String form(Model model, Map<String, Object> values, Map<String, String> errors, String q,
            String network, Locale locale) {
        Actor actor = Actor.require();
        if (!Referrals.canSend(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " does not send referrals");
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        model.addAttribute("searchNetwork", network);
        model.addAttribute("readableNetworks", partnership.networks().stream()
                .filter(n -> actor.canRead(n.code())).toList());
        model.addAttribute("found", q == null || q.isBlank() ? List.<ParticipantListing>of() : search(q, network,
                model));
        model.addAttribute("sharings", ReferralSharing.values());
        model.addAttribute("candidates", partnership.networks().stream().map(n -> new NetworkMembers(n.code(),
                n.name(), partnership.network(n.code()).orElseThrow().members().stream().filter(Member::active)
                        .toList())).toList());
        return "referral/referral-form";
    }

    /** The participants of the actor's scope matching a code or the start of a surname (an audited search). */
    private List<ParticipantListing> search(String q, String network, Model model) {
        try {
            return registry.list(new ParticipantQuery(q, network), new PageRequest(0, 20)).items();
        } catch (RuleViolationException e) {
            model.addAttribute("searchError", e.messageKey());
            return List.of();
        }
    }

    private List<ActivitySummary> openActivities(String network) {
        return activities.activities(new ActivityQuery(network, null, null, null, null, null, LocalDate.now(), null),
                new PageRequest(0, 200)).items().stream()
                .filter(a -> a.status() == ActivityStatus.PLANNED || a.status() == ActivityStatus.ONGOING).toList();
    }
}
