package it.labimpact.cooperation.web;

import it.labimpact.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.GovernanceBody;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Form helpers of the governance pages: errors as the templates show them (field name → message in the page's
 * language, a message for the whole form under {@link #FORM}) and the values exactly as typed.
 */
final class GovernanceForms {

    static final String FORM = "_form";

    private GovernanceForms() {
    }

    static Map<String, String> errors(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            String field = e.getField().replaceAll("\\[.*$", "");
            String message = e.isBindingFailure()
                    ? messages.getMessage("governance.form.typeMismatch", null, locale)
                    : messages.getMessage(e, locale);
            errors.putIfAbsent(field, message);
        }
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent(FORM, messages.getMessage(e, locale)));
        return errors;
    }

    static Map<String, String> errors(RuleViolationException e, MessageSource messages, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        return Map.of(e.field() == null ? FORM : e.field(), message);
    }

    static Map<String, String> conflict(MessageSource messages, Locale locale) {
        return Map.of(FORM, messages.getMessage("edit.conflict", null, locale));
    }

    /** The form's values as typed; the {@code lists} parameters as lists of all their values. */
    static Map<String, Object> typed(HttpServletRequest request, Set<String> lists) {
        Map<String, Object> v = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> v.put(name,
                lists.contains(name) ? List.of(value) : value.length == 0 ? "" : value[0]));
        lists.forEach(name -> v.putIfAbsent(name, List.of()));
        return v;
    }

    /**
     * The candidate organisations, plus a group headed {@code heading} with the {@code chosen} ones that are not
     * among them (a former member, a guest), so that editing a form never drops them silently.
     */
    static List<GovernanceBodies.Candidates> withOthers(List<GovernanceBodies.Candidates> candidates,
            List<GovernanceBody.Member> chosen, String heading) {
        Set<Long> offered = new HashSet<>();
        candidates.forEach(c -> c.organisations().forEach(o -> offered.add(o.organisationId())));
        List<GovernanceBody.Member> others = chosen.stream().filter(o -> !offered.contains(o.organisationId()))
                .toList();
        if (others.isEmpty()) {
            return candidates;
        }
        List<GovernanceBodies.Candidates> all = new ArrayList<>(candidates);
        all.add(new GovernanceBodies.Candidates(heading, others));
        return all;
    }
}
