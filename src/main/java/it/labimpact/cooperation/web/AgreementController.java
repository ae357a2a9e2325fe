package it.labimpact.cooperation.web;

import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementDocument;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.AgreementQuery;
import it.labimpact.cooperation.AgreementView;
import it.labimpact.cooperation.Agreements;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agreement pages: the filtered list, one agreement with its document, creation and edits. */
@Controller
class AgreementController {

    private final Agreements agreements;
    private final Partnership partnership;
    private final MessageSource messages;

    AgreementController(Agreements agreements, Partnership partnership, MessageSource messages) {
        this.agreements = agreements;
        this.partnership = partnership;
        this.messages = messages;
    }

    @ModelAttribute("kinds")
    AgreementKind[] kinds() {
        return AgreementKind.values();
    }

    @GetMapping("/agreements")
    String list(@RequestParam(required = false) String network, @RequestParam(required = false) AgreementKind kind,
            @RequestParam(required = false) Long organisation, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inForceOn,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AgreementQuery query = new AgreementQuery(network, kind, organisation, q, inForceOn);
        PageResponse<AgreementView> result = agreements.list(query, new PageRequest(page, 25));
        model.addAttribute("result", result);
        model.addAttribute("query", query);
        model.addAttribute("networks", partnership.networks());
        model.addAttribute("organisations", organisations());
        model.addAttribute("canCreate", Agreements.canCreate(Actor.require()));
        model.addAttribute("today", LocalDate.now());
        return "referral/agreements";
    }

    @GetMapping("/agreements/{id}")
    String detail(@PathVariable long id, Model model) {
        AgreementView agreement = agreements.agreement(id);
        model.addAttribute("agreement", agreement);
        model.addAttribute("canChange", Agreements.canChange(Actor.require(), agreement.networkCode()));
        model.addAttribute("maxMb", agreements.maxDocumentSize().toMegabytes());
        return "referral/agreement";
    }

    @GetMapping("/agreements/new")
    String newForm(Model model) {
        Actor actor = Actor.require();
        if (!Agreements.canCreate(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " does not record agreements");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("networkCode", actor.seesWholeProject() ? "" : actor.networkCode());
        values.put("partyIds", List.of());
        values.put("kind", AgreementKind.PROTOCOL.name());
        return form(model, null, values, Map.of());
    }

    @PostMapping("/agreements")
    String create(@Valid @ModelAttribute("form") AgreementData form, BindingResult binding, HttpServletRequest request,
            Model model, Locale locale, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, null, typed(request), FormErrors.of(binding, messages, locale));
        }
        try {
            long id = agreements.create(form);
            redirect.addFlashAttribute("success", "agreement.saved");
            return "redirect:/agreements/" + id;
        } catch (RuleViolationException e) {
            return form(model, null, typed(request), FormErrors.of(e, messages, locale));
        }
    }

    @GetMapping("/agreements/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        AgreementView agreement = agreements.agreement(id);
        if (!Agreements.canChange(Actor.require(), agreement.networkCode())) {
            throw new AccessDeniedException("Not allowed to change agreement " + id);
        }
        return form(model, agreement, values(agreement.toData()), Map.of());
    }

    @PostMapping("/agreements/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AgreementData form, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        AgreementView agreement = agreements.agreement(id);
        if (binding.hasErrors()) {
            return form(model, agreement, typed(request), FormErrors.of(binding, messages, locale));
        }
        try {
            agreements.update(id, form);
            redirect.addFlashAttribute("success", "agreement.saved");
            return "redirect:/agreements/" + id;
        } catch (RuleViolationException e) {
            return form(model, agreement, typed(request), FormErrors.of(e, messages, locale));
        } catch (ConcurrentEditException e) {
            return form(model, agreement, typed(request), FormErrors.conflict(messages, locale));
        }
    }

    @PostMapping("/agreements/{id}/document")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam int version, RedirectAttributes redirect) throws IOException {
        try {
            agreements.attach(id, version, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("success", "agreement.document.saved");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
        }
        return "redirect:/agreements/" + id;
    }

    /** The signed document, always as an attachment and never sniffed, under the type its bytes showed. */
    @GetMapping("/agreements/{id}/document")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return download(agreements.document(id));
    }

    static ResponseEntity<byte[]> download(AgreementDocument document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document.content());
    }

    private String form(Model model, AgreementView agreement, Map<String, Object> values, Map<String, String> errors) {
        model.addAttribute("agreement", agreement);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Actor actor = Actor.require();
        List<NetworkSummary> networks = partnership.networks().stream()
                .filter(n -> Agreements.canChange(actor, n.code())).toList();
        model.addAttribute("networks", networks);
        model.addAttribute("projectWide", Agreements.canChange(actor, null));
        model.addAttribute("organisations", organisations());
        return "referral/agreement-form";
    }

    private List<OrganisationSummary> organisations() {
        return partnership.organisations(new OrganisationQuery(null, null, null, null), new PageRequest(0, 500))
                .items();
    }

    private static Map<String, Object> typed(HttpServletRequest request) {
        return FormErrors.typed(request, "partyIds");
    }

    private static Map<String, Object> values(AgreementData d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", d.kind().name());
        v.put("title", d.title());
        v.put("networkCode", Objects.requireNonNullElse(d.networkCode(), ""));
        v.put("partyIds", d.parties().stream().map(String::valueOf).toList());
        v.put("signedOn", d.signedOn().toString());
        v.put("validFrom", d.validFrom().toString());
        v.put("validTo", d.validTo() == null ? "" : d.validTo().toString());
        v.put("scope", Objects.requireNonNullElse(d.scope(), ""));
        v.put("version", String.valueOf(d.version()));
        return v;
    }
}
