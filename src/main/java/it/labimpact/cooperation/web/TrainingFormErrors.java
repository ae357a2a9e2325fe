package it.labimpact.cooperation.web;

import it.labimpact.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Form errors of the training and needs pages, as the templates show them: field name → message in the page's
 * language; a message for the whole form under {@link #FORM}. Keeps the first message of each field.
 */
final class TrainingFormErrors {

    static final String FORM = "_form";

    private TrainingFormErrors() {
    }

    static Map<String, String> of(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            String field = e.getField().replaceAll("\\[.*$", "");
            String message = e.isBindingFailure()
                    ? messages.getMessage("form.typeMismatch", null, locale)
                    : messages.getMessage(e, locale);
            errors.putIfAbsent(field, message);
        }
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent(FORM, messages.getMessage(e, locale)));
        return errors;
    }

    /**
     * The errors of a form whose record could not be built (a value that is not a number or a date): the
     * conversion errors, plus the constraints of every other field checked on the values as typed, so that the
     * person sees all the mistakes at once.
     */
    static Map<String, String> of(BindingResult binding, Class<? extends Record> form, HttpServletRequest request,
            Validator validator, MessageSource messages, Locale locale) {
        Map<String, String> errors = of(binding, messages, locale);
        if (binding.getTarget() != null) {
            return errors;
        }
        for (RecordComponent c : form.getRecordComponents()) {
            String raw = request.getParameter(c.getName());
            boolean blank = raw == null || raw.isBlank();
            if (errors.containsKey(c.getName()) || (c.getType() != String.class && !blank)) {
                continue;
            }
            validator.validateValue(form, c.getName(), c.getType() == String.class ? raw : null).stream()
                    .findFirst().ifPresent(v -> errors.put(c.getName(), v.getMessage()));
        }
        return errors;
    }

    static Map<String, String> of(RuleViolationException e, MessageSource messages, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        return Map.of(e.field() == null ? FORM : e.field(), message);
    }

    static Map<String, String> conflict(MessageSource messages, Locale locale) {
        return Map.of(FORM, messages.getMessage("edit.conflict", null, locale));
    }
}
