package it.labimpact.shared.forms;

import it.labimpact.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Form errors as the templates show them: field name → message in the page's language; a message for the
 * whole form under {@link #FORM}. Keeps the first message of each field. With {@link #typed}, the values exactly as
 * typed, to show a refused form again. Every module's pages use it.
 */
public final class FormErrors {

    public static final String FORM = "_form";

    private FormErrors() {
    }

    public static Map<String, String> of(BindingResult binding, MessageSource messages, Locale locale) {
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
    public static Map<String, String> of(BindingResult binding, Class<? extends Record> form, HttpServletRequest request,
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

    public static Map<String, String> of(RuleViolationException e, MessageSource messages, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        return Map.of(e.field() == null ? FORM : e.field(), message);
    }

    public static Map<String, String> conflict(MessageSource messages, Locale locale) {
        return Map.of(FORM, messages.getMessage("edit.conflict", null, locale));
    }

    /** The request's parameters as typed; the {@code lists} parameters as lists of all their values. */
    public static Map<String, Object> typed(HttpServletRequest request, String... lists) {
        List<String> multi = List.of(lists);
        Map<String, Object> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> values.put(name,
                multi.contains(name) ? List.of(value) : value.length == 0 ? "" : value[0]));
        multi.forEach(name -> values.putIfAbsent(name, List.of()));
        return values;
    }
}
