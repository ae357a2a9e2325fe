package it.labimpact.partnership.web;

import it.labimpact.partnership.OrganisationData;
import it.labimpact.partnership.OrganisationDetail;
import it.labimpact.partnership.OrganisationKind;
import it.labimpact.partnership.OrganisationQuery;
import it.labimpact.partnership.Partnership;
import it.labimpact.partnership.PartnershipManagement;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import jakarta.validation.Valid;
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

/** The organisation directory: search and filters, an organisation's page, its creation and edits. */
@Controller
class OrganisationController {

    private final Partnership partnership;
    private final PartnershipManagement management;
    private final TerritoryCatalogue territory;

    OrganisationController(Partnership partnership, PartnershipManagement management, TerritoryCatalogue territory) {
        this.partnership = partnership;
        this.management = management;
        this.territory = territory;
    }

    @ModelAttribute("kinds")
    OrganisationKind[] kinds() {
        return OrganisationKind.values();
    }


    @GetMapping("/organisations")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) String network, @RequestParam(required = false) String province,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", partnership.organisations(new OrganisationQuery(q, kind, network, province),
                new PageRequest(page, 25)));
        model.addAttribute("networks", partnership.networks());
        model.addAttribute("provinces", territory.provinces());
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("network", network);
        model.addAttribute("province", province);
        return "partnership/organisations";
    }

    @GetMapping("/organisations/{id}")
    String detail(@PathVariable long id, Model model) {
        OrganisationDetail org = partnership.organisation(id)
                .orElseThrow(() -> new RecordNotFoundException("organisation", id));
        model.addAttribute("org", org);
        model.addAttribute("canEdit", management.canEditOrganisation(Actor.require(), id));
        return "partnership/organisation";
    }

    @GetMapping("/organisations/new")
    String newForm(Model model) {
        model.addAttribute("form", new OrganisationData("", OrganisationKind.THIRD_SECTOR, "", "", "", "", "", ""));
        return form(model);
    }

    @PostMapping("/organisations")
    String create(@Valid @ModelAttribute("form") OrganisationData form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model);
        }
        try {
            long id = management.createOrganisation(form);
            redirect.addFlashAttribute("success", "organisation.saved");
            return "redirect:/organisations/" + id;
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            return form(model);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            errors.rejectValue("name", "organisation.duplicate");
            return form(model);
        }
    }

    @GetMapping("/organisations/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        OrganisationDetail org = partnership.organisation(id)
                .orElseThrow(() -> new RecordNotFoundException("organisation", id));
        if (!management.canEditOrganisation(Actor.require(), id)) {
            throw new AccessDeniedException("Not allowed to edit organisation " + id);
        }
        model.addAttribute("form", org.data());
        model.addAttribute("id", id);
        model.addAttribute("version", org.version());
        return form(model);
    }

    @PostMapping("/organisations/{id}")
    String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") OrganisationData form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        model.addAttribute("id", id);
        model.addAttribute("version", version);
        if (errors.hasErrors()) {
            return form(model);
        }
        try {
            management.updateOrganisation(id, version, form);
            redirect.addFlashAttribute("success", "organisation.saved");
            return "redirect:/organisations/" + id;
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
        } catch (ConcurrentEditException e) {
            errors.reject("edit.conflict");
        } catch (org.springframework.dao.DuplicateKeyException e) {
            errors.rejectValue("name", "organisation.duplicate");
        }
        return form(model);
    }

    /** The organisation form, with every comune for the seat field's suggestions (code and name). */
    private String form(Model model) {
        model.addAttribute("comuni", territory.allComuni(new ComuneQuery(null, null, null)));
        return "partnership/organisation-form";
    }
}
