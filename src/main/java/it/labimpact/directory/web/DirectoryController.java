package it.labimpact.directory.web;

import it.labimpact.directory.DirectoryCategory;
import it.labimpact.directory.ActivityPublishing;
import it.labimpact.directory.DirectoryEditorial;
import it.labimpact.directory.EntryData;
import it.labimpact.directory.EntryKind;
import it.labimpact.directory.EntryStatus;
import it.labimpact.directory.EntryView;
import it.labimpact.directory.PublicLanguage;
import it.labimpact.directory.TextField;
import it.labimpact.directory.TranslationState;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory's editorial pages for staff: the list (with the stale count), drafting and changing an entry,
 * publishing, unpublishing, "confirm still valid", and translating one language at a time with each text's state.
 */
@Controller
class DirectoryController {

    private final DirectoryEditorial editorial;
    private final ActivityPublishing publishing;
    private final MessageSource messages;

    DirectoryController(DirectoryEditorial editorial, ActivityPublishing publishing, MessageSource messages) {
        this.editorial = editorial;
        this.publishing = publishing;
        this.messages = messages;
    }

    @GetMapping("/directory")
    String list(@RequestParam(required = false) EntryKind kind, @RequestParam(required = false) EntryStatus status,
            @RequestParam(defaultValue = "false") boolean stale, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", editorial.entries(new DirectoryEditorial.EditorQuery(kind, status, stale),
                new PageRequest(page, 25)));
        model.addAttribute("staleCount", editorial.staleCount());
        model.addAttribute("staleDays", editorial.staleAfter().getDays());
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("stale", stale);
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("fromActivities", publishing.candidates());
        return "directory/list";
    }

    /** An activity of the registry published as a draft event (or its entry, when it has one already). */
    @PostMapping("/directory/from-activity")
    String fromActivity(@RequestParam long activityId, Locale locale, RedirectAttributes redirect) {
        try {
            UUID id = publishing.draft(activityId);
            redirect.addFlashAttribute("success", "directory.fromActivity.done");
            return "redirect:/directory/" + id;
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/directory";
        }
    }

    @GetMapping("/directory/new")
    String newForm(@RequestParam(defaultValue = "SERVICE") EntryKind kind, Model model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("free", "on");
        values.put("languages", List.of("it"));
        return form(model, kind, null, values, Map.of());
    }

    @PostMapping("/directory")
    String create(@RequestParam EntryKind kind, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        EntryData data = EntryForm.read(request, kind, errors);
        if (data == null) {
            return form(model, kind, null, EntryForm.typed(request), resolve(errors, locale));
        }
        try {
            UUID id = editorial.create(data);
            redirect.addFlashAttribute("success", "directory.saved");
            return "redirect:/directory/" + id;
        } catch (RuleViolationException e) {
            return form(model, kind, null, EntryForm.typed(request), FormErrors.of(e, messages, locale));
        }
    }

    @GetMapping("/directory/{id}")
    String detail(@PathVariable String id, Model model) {
        EntryView entry = editorial.entry(uuid(id));
        model.addAttribute("entry", entry);
        Actor actor = Actor.require();
        model.addAttribute("canPublish", DirectoryEditorial.canPublish(actor, entry.networkCode()));
        model.addAttribute("publicLanguages", Arrays.stream(PublicLanguage.values())
                .filter(l -> l != PublicLanguage.IT).toList());
        model.addAttribute("fields", TextField.values());
        return "directory/entry";
    }

    @GetMapping("/directory/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        EntryView entry = editorial.entry(uuid(id));
        return form(model, entry.kind(), entry, EntryForm.of(entry), Map.of());
    }

    @PostMapping("/directory/{id}")
    String update(@PathVariable String id, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        EntryView entry = editorial.entry(uuid(id));
        Map<String, String> errors = new LinkedHashMap<>();
        EntryData data = EntryForm.read(request, entry.kind(), errors);
        if (data == null) {
            return form(model, entry.kind(), entry, EntryForm.typed(request), resolve(errors, locale));
        }
        try {
            editorial.update(entry.id(), data);
            redirect.addFlashAttribute("success", "directory.saved");
            return "redirect:/directory/" + entry.id();
        } catch (RuleViolationException e) {
            return form(model, entry.kind(), entry, EntryForm.typed(request), FormErrors.of(e, messages, locale));
        } catch (ConcurrentEditException e) {
            return form(model, entry.kind(), entry, EntryForm.typed(request), FormErrors.conflict(messages, locale));
        }
    }

    /** Publish, unpublish or confirm still valid, at the version shown. */
    @PostMapping("/directory/{id}/{action:publish|unpublish|confirm}")
    String workflow(@PathVariable String id, @PathVariable String action, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        UUID uuid = uuid(id);
        int v = version == null ? -1 : version;
        try {
            switch (action) {
                case "publish" -> editorial.publish(uuid, v);
                case "unpublish" -> editorial.unpublish(uuid, v);
                default -> editorial.confirm(uuid, v);
            }
            redirect.addFlashAttribute("success", "directory." + action + ".done");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
        }
        return "redirect:/directory/" + uuid;
    }

    @GetMapping("/directory/{id}/translations/{lang}")
    String translation(@PathVariable String id, @PathVariable String lang, Model model) {
        EntryView entry = editorial.entry(uuid(id));
        PublicLanguage language = language(lang);
        Map<String, Object> values = new LinkedHashMap<>();
        editorial.translation(entry.id(), language).forEach((f, row) -> {
            values.put(f.column(), row[1] == null ? "" : row[1]);
            values.put(f.column() + "_state", row[2]);
        });
        return translationForm(model, entry, language, values, Map.of());
    }

    @PostMapping("/directory/{id}/translations/{lang}")
    String translate(@PathVariable String id, @PathVariable String lang, HttpServletRequest request, Model model,
            Locale locale, RedirectAttributes redirect) {
        EntryView entry = editorial.entry(uuid(id));
        PublicLanguage language = language(lang);
        Map<TextField, String> values = new EnumMap<>(TextField.class);
        Map<TextField, TranslationState> states = new EnumMap<>(TextField.class);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (TextField f : TextField.values()) {
            values.put(f, EntryForm.param(request, f.column()));
            states.put(f, "REVIEWED".equals(request.getParameter(f.column() + "_state"))
                    ? TranslationState.REVIEWED : TranslationState.DRAFT);
            typed.put(f.column(), values.get(f));
            typed.put(f.column() + "_state", states.get(f).name());
        }
        Integer version = null;
        try {
            version = Integer.valueOf(EntryForm.param(request, "version"));
        } catch (NumberFormatException e) {
            // refused by the module as "version required"
        }
        try {
            editorial.translate(entry.id(), language, values, states, version);
            redirect.addFlashAttribute("success", "directory.translation.saved");
            return "redirect:/directory/" + entry.id();
        } catch (RuleViolationException e) {
            return translationForm(model, entry, language, typed, FormErrors.of(e, messages, locale));
        } catch (ConcurrentEditException e) {
            return translationForm(model, entry, language, typed, FormErrors.conflict(messages, locale));
        }
    }

    // --- helpers ---

    private String form(Model model, EntryKind kind, EntryView entry, Map<String, Object> values,
            Map<String, String> errors) {
        model.addAttribute("kind", kind);
        model.addAttribute("entry", entry);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", editorial.draftableOrganisations());
        model.addAttribute("chooseNetwork", entry == null && Actor.require().seesWholeProject());
        model.addAttribute("categories", DirectoryCategory.values());
        model.addAttribute("publicLanguages", PublicLanguage.values());
        model.addAttribute("fields", TextField.values());
        Object places = values.get("locAddress");
        int count = places instanceof List<?> l ? l.size() : 0;
        model.addAttribute("placeSlots", Math.max(EntryForm.MIN_PLACES, count + 1));
        return "directory/edit";
    }

    private String translationForm(Model model, EntryView entry, PublicLanguage language, Map<String, Object> values,
            Map<String, String> errors) {
        model.addAttribute("entry", entry);
        model.addAttribute("language", language);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", TextField.values());
        return "directory/translate";
    }

    private Map<String, String> resolve(Map<String, String> keys, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        keys.forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        return errors;
    }

    private static PublicLanguage language(String tag) {
        return PublicLanguage.of(tag).filter(l -> l != PublicLanguage.IT)
                .orElseThrow(() -> new RecordNotFoundException("language", tag));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("directory entry", "?");
        }
    }
}
