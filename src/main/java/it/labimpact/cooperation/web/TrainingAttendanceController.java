package it.labimpact.cooperation.web;

import it.labimpact.cooperation.TrainingAnswers;
import it.labimpact.cooperation.TrainingAttendee;
import it.labimpact.cooperation.TrainingAttendeeData;
import it.labimpact.cooperation.TrainingDetail;
import it.labimpact.cooperation.TrainingRegistry;
import it.labimpact.cooperation.TrainingRole;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attendance list of a training and the self-assessment answers, each one form for the whole list, saved
 * all or nothing. Rows are parallel fields ({@code surname}, {@code givenName}, {@code organisationId},
 * {@code role}, {@code roleOther}, {@code hours}) in page order; a row left blank is ignored, a row ticked
 * "remove" is dropped.
 */
@Controller
class TrainingAttendanceController {

    /** Blank rows offered under the list for new attendees. */
    private static final int BLANK_ROWS = 5;
    private static final String[] FIELDS = {"surname", "givenName", "organisationId", "role", "roleOther", "hours"};

    private final TrainingRegistry trainings;
    private final Partnership partnership;
    private final MessageSource messages;
    private final Validator validator;

    TrainingAttendanceController(TrainingRegistry trainings, Partnership partnership, MessageSource messages,
            Validator validator) {
        this.trainings = trainings;
        this.partnership = partnership;
        this.messages = messages;
        this.validator = validator;
    }

    @ModelAttribute("roles")
    TrainingRole[] roles() {
        return TrainingRole.values();
    }

    @GetMapping("/trainings/{id}/attendance")
    String attendance(@PathVariable long id, @RequestParam(defaultValue = "5") int blank, Model model) {
        TrainingDetail training = changeable(id);
        List<Map<String, String>> rows = new ArrayList<>();
        for (TrainingAttendee a : training.attendees()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("surname", a.surname());
            row.put("givenName", a.givenName());
            row.put("organisationId", String.valueOf(a.organisationId()));
            row.put("role", a.role().name());
            row.put("roleOther", a.roleOther() == null ? "" : a.roleOther());
            row.put("hours", TrainingController.plain(a.hoursAttended()));
            rows.add(row);
        }
        int extra = Math.max(1, Math.min(50, blank));
        for (int i = 0; i < extra; i++) {
            rows.add(blankRow());
        }
        return attendancePage(model, training, rows, Map.of(), String.valueOf(training.data().version()));
    }

    @PostMapping("/trainings/{id}/attendance")
    String saveAttendance(@PathVariable long id, @RequestParam(required = false) Integer version,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        TrainingDetail training = changeable(id);
        List<Map<String, String>> typed = typedRows(request);
        Set<String> removed = Arrays.stream(values(request, "remove")).collect(Collectors.toSet());
        Map<String, String> errors = new LinkedHashMap<>();
        List<TrainingAttendeeData> rows = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            Map<String, String> row = typed.get(i);
            if (removed.contains(String.valueOf(i)) || row.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            TrainingAttendeeData data = parse(row, i, errors, locale);
            if (data != null) {
                for (ConstraintViolation<TrainingAttendeeData> v : validator.validate(data)) {
                    String field = v.getPropertyPath().toString();
                    errors.putIfAbsent(i + "." + (field.equals("hoursAttended") ? "hours" : field), v.getMessage());
                }
                rows.add(data);
                positions.add(i);
            }
        }
        if (version == null) {
            errors.put(FormErrors.FORM, messages.getMessage("edit.version.required", null, locale));
        }
        if (errors.isEmpty()) {
            try {
                trainings.saveAttendance(id, version, rows);
                redirect.addFlashAttribute("success", "training.attendance.saved");
                return "redirect:/trainings/" + id;
            } catch (RuleViolationException e) {
                errors.putAll(rowError(e, positions, messages, locale));
            } catch (ConcurrentEditException e) {
                errors.putAll(FormErrors.conflict(messages, locale));
            }
        }
        return attendancePage(model, training, typed, errors, version == null ? "" : version.toString());
    }

    @GetMapping("/trainings/{id}/self-assessment")
    String selfAssessment(@PathVariable long id, Model model) {
        TrainingDetail training = changeable(id);
        Map<String, String> values = new LinkedHashMap<>();
        for (TrainingAttendee a : training.attendees()) {
            for (int n = 0; n < a.pre().size(); n++) {
                values.put("pre-" + a.id() + "-" + (n + 1), String.valueOf(a.pre().get(n)));
            }
            for (int n = 0; n < a.post().size(); n++) {
                values.put("post-" + a.id() + "-" + (n + 1), String.valueOf(a.post().get(n)));
            }
        }
        return answersPage(model, training, values, Map.of(), String.valueOf(training.data().version()));
    }

    @PostMapping("/trainings/{id}/self-assessment")
    String saveSelfAssessment(@PathVariable long id, @RequestParam(required = false) Integer version,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        TrainingDetail training = changeable(id);
        Map<String, String> values = new LinkedHashMap<>();
        List<TrainingAnswers> answers = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (TrainingAttendee a : training.attendees()) {
            List<Integer> pre = phase(request, "pre-" + a.id(), values);
            List<Integer> post = phase(request, "post-" + a.id(), values);
            if (pre == null || post == null) {
                errors.putIfAbsent((pre == null ? "pre-" : "post-") + a.id(),
                        messages.getMessage("form.typeMismatch", null, locale));
            }
            answers.add(new TrainingAnswers(a.id(), pre, post));
        }
        if (version == null) {
            errors.put(FormErrors.FORM, messages.getMessage("edit.version.required", null, locale));
        }
        if (errors.isEmpty()) {
            try {
                trainings.saveAnswers(id, version, answers);
                redirect.addFlashAttribute("success", "training.answers.saved");
                return "redirect:/trainings/" + id;
            } catch (RuleViolationException e) {
                String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
                String field = e.field() == null ? FormErrors.FORM : e.field();
                if (field.startsWith("answers[")) {
                    int i = Integer.parseInt(field.substring(8, field.indexOf(']')));
                    field = (field.endsWith("pre") ? "pre-" : "post-") + training.attendees().get(i).id();
                }
                errors.put(field, message);
            } catch (ConcurrentEditException e) {
                errors.putAll(FormErrors.conflict(messages, locale));
            }
        }
        return answersPage(model, training, values, errors, version == null ? "" : version.toString());
    }

    // --- pages ---

    private String attendancePage(Model model, TrainingDetail training, List<Map<String, String>> rows,
            Map<String, String> errors, String version) {
        model.addAttribute("training", training);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("version", version);
        model.addAttribute("organisations", organisations(training.summary().networkCode()));
        return "training/attendance";
    }

    private String answersPage(Model model, TrainingDetail training, Map<String, String> values,
            Map<String, String> errors, String version) {
        model.addAttribute("training", training);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("version", version);
        model.addAttribute("statements", List.of(1, 2, 3, 4, 5));
        return "training/self-assessment";
    }

    /** The organisations whose operators may attend: the network's members, or every organisation. */
    private Map<Long, String> organisations(String network) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (network == null) {
            TrainingController.allOrganisations(partnership)
                    .forEach(o -> names.put(o.id(), o.name()));
        } else {
            partnership.network(network).orElseThrow().members().stream()
                    .sorted(Comparator.comparing(Member::organisationName))
                    .forEach(m -> names.putIfAbsent(m.organisationId(), m.organisationName()));
        }
        return names;
    }

    private TrainingDetail changeable(long id) {
        TrainingDetail training = trainings.detail(id);
        if (!TrainingRegistry.canChange(Actor.require(), training.summary().networkCode())) {
            throw new AccessDeniedException("Not allowed to change training " + id);
        }
        return training;
    }

    // --- parsing ---

    private static Map<String, String> blankRow() {
        Map<String, String> row = new LinkedHashMap<>();
        for (String f : FIELDS) {
            row.put(f, "");
        }
        return row;
    }

    private static List<Map<String, String>> typedRows(HttpServletRequest request) {
        int n = Arrays.stream(FIELDS).mapToInt(f -> values(request, f).length).max().orElse(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String f : FIELDS) {
                String[] v = values(request, f);
                row.put(f, i < v.length && v[i] != null ? v[i].strip() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    /** A row as data; a value that is not a number or a role is reported and the row skipped. */
    private TrainingAttendeeData parse(Map<String, String> row, int i, Map<String, String> errors, Locale locale) {
        String mismatch = messages.getMessage("form.typeMismatch", null, locale);
        Long organisation = null;
        TrainingRole role = null;
        BigDecimal hours = null;
        try {
            organisation = row.get("organisationId").isBlank() ? null : Long.valueOf(row.get("organisationId"));
        } catch (NumberFormatException e) {
            errors.put(i + ".organisationId", mismatch);
        }
        try {
            role = row.get("role").isBlank() ? null : TrainingRole.valueOf(row.get("role"));
        } catch (IllegalArgumentException e) {
            errors.put(i + ".role", mismatch);
        }
        try {
            hours = row.get("hours").isBlank() ? null : new BigDecimal(row.get("hours").replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(i + ".hours", mismatch);
        }
        if (errors.keySet().stream().anyMatch(k -> k.startsWith(i + "."))) {
            return null;
        }
        return new TrainingAttendeeData(row.get("surname"), row.get("givenName"), organisation, role,
                row.get("roleOther"), hours);
    }

    /** A business-rule refusal placed on the page row it concerns ({@code attendees[k]} is the k-th row saved). */
    private static Map<String, String> rowError(RuleViolationException e, List<Integer> positions,
            MessageSource messages, Locale locale) {
        String field = e.field();
        if (field != null && field.startsWith("attendees[")) {
            int k = Integer.parseInt(field.substring(10, field.indexOf(']')));
            int row = positions.get(k);
            Object[] args = e.args().clone();
            args[0] = row + 1;
            String name = field.substring(field.indexOf("].") + 2);
            return Map.of(row + "." + (name.equals("hoursAttended") ? "hours" : name),
                    messages.getMessage(e.messageKey(), args, e.messageKey(), locale));
        }
        return FormErrors.of(e, messages, locale);
    }

    /** Five answers, none (empty list), or {@code null} when a value is not a number. */
    private static List<Integer> phase(HttpServletRequest request, String prefix, Map<String, String> values) {
        List<Integer> answers = new ArrayList<>();
        boolean any = false;
        for (int n = 1; n <= TrainingAnswers.STATEMENTS; n++) {
            String raw = request.getParameter(prefix + "-" + n);
            raw = raw == null ? "" : raw.strip();
            values.put(prefix + "-" + n, raw);
            if (raw.isEmpty()) {
                answers.add(null);
                continue;
            }
            any = true;
            try {
                answers.add(Integer.valueOf(raw));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return any ? answers : List.of();
    }
}
