package it.labimpact.cooperation.web;

import it.labimpact.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Form values and errors for the agreement and referral pages: values exactly as typed, errors as field name →
 * message in the page's language, a message for the whole form under {@link #FORM}.
 */
final class ReferralForms {

    static final String FORM = "_form";

    private ReferralForms() {
    }

    /** The request's parameters as typed; the multi-valued ones as lists. */
    static Map<String, Object> typed(HttpServletRequest request, String... lists) {
        List<String> multi = List.of(lists);
        Map<String, Object> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> values.put(name,
                multi.contains(name) ? List.of(value) : value.length == 0 ? "" : value[0]));
        multi.forEach(name -> values.putIfAbsent(name, List.of()));
        return values;
    }

    static Map<String, String> of(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            String field = e.getField().replaceAll("\\[.*$", "");
            errors.putIfAbsent(field, e.isBindingFailure() ? messages.getMessage("form.typeMismatch", null, locale)
                    : messages.getMessage(e, locale));
        }
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent(FORM, messages.getMessage(e, locale)));
        return errors;
    }

    static Map<String, String> of(RuleViolationException e, MessageSource messages, Locale locale) {
        return Map.of(e.field() == null ? FORM : e.field(),
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
    }

    static Map<String, String> conflict(MessageSource messages, Locale locale) {
        return Map.of(FORM, messages.getMessage("edit.conflict", null, locale));
    }
}
