package it.labimpact.activity.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityTypeData;
import it.labimpact.activity.ActivityTypeView;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of the activity types: the list, a new type, a type's edits. */
@Controller
class ActivityTypeController {

    private final ActivityCatalogue catalogue;
    private final ActivityManagement management;
    private final MessageSource messages;
    private final Validator validator;

    ActivityTypeController(ActivityCatalogue catalogue, ActivityManagement management, MessageSource messages,
            Validator validator) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.management = management;
        this.messages = messages;
    }

    @GetMapping("/admin/activity-types")
    String list(Model model) {
        model.addAttribute("types", catalogue.types());
        return "activity/types";
    }

    @GetMapping("/admin/activity-types/new")
    String newForm(Model model) {
        return form(model, null, values(new ActivityTypeData("", "02", "", "", "", new BigDecimal("0.70"), true,
                null)), Map.of());
    }

    @PostMapping("/admin/activity-types")
    String create(@Valid @ModelAttribute("form") ActivityTypeData form, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        Map<String, String> errors = binding.hasErrors() ? bindingErrors(binding, request, locale) : null;
        if (errors == null) {
            try {
                management.createType(form);
                redirect.addFlashAttribute("success", "activityType.saved");
                return "redirect:/admin/activity-types";
            } catch (RuleViolationException e) {
                errors = FormErrors.of(e, messages, locale);
            }
        }
        return form(model, null, typed(request), errors);
    }

    @GetMapping("/admin/activity-types/{code}")
    String editForm(@PathVariable String code, Model model) {
        ActivityTypeView type = catalogue.type(code).orElseThrow(() -> new RecordNotFoundException("activity type",
                code));
        return form(model, type, values(new ActivityTypeData(type.code(), type.action(), type.labelIt(),
                type.labelEn(), type.countsFor(), type.completionThreshold(), type.active(), type.version())),
                Map.of());
    }

    @PostMapping("/admin/activity-types/{code}")
    String update(@PathVariable String code, @Valid @ModelAttribute("form") ActivityTypeData form,
            BindingResult binding, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        ActivityTypeView type = catalogue.type(code).orElseThrow(() -> new RecordNotFoundException("activity type",
                code));
        Map<String, String> errors = binding.hasErrors() ? bindingErrors(binding, request, locale) : null;
        if (errors == null) {
            try {
                management.updateType(code, form);
                redirect.addFlashAttribute("success", "activityType.saved");
                return "redirect:/admin/activity-types";
            } catch (RuleViolationException e) {
                errors = FormErrors.of(e, messages, locale);
            } catch (ConcurrentEditException e) {
                errors = FormErrors.conflict(messages, locale);
            }
        }
        return form(model, type, typed(request), errors);
    }

    private Map<String, String> bindingErrors(BindingResult binding, HttpServletRequest request, Locale locale) {
        return FormErrors.of(binding, ActivityTypeData.class, request, validator, messages, locale);
    }

    private static String form(Model model, ActivityTypeView type, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("type", type);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "activity/type-form";
    }

    private static Map<String, String> values(ActivityTypeData d) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("code", d.code());
        v.put("action", d.action());
        v.put("labelIt", d.labelIt());
        v.put("labelEn", d.labelEn());
        v.put("countsFor", d.countsFor() == null ? "" : d.countsFor());
        v.put("completionThreshold", d.completionThreshold().toPlainString());
        v.put("active", String.valueOf(Boolean.TRUE.equals(d.active())));
        v.put("version", d.version() == null ? "" : d.version().toString());
        return v;
    }

    private static Map<String, String> typed(HttpServletRequest request) {
        Map<String, String> v = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> v.put(name, value.length == 0 ? "" : value[0]));
        v.put("active", String.valueOf(v.containsKey("active")));
        return v;
    }
}
