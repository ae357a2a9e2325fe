package it.labimpact.participant.web;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityDetail;
import it.labimpact.activity.SessionView;
import it.labimpact.participant.AttendanceMark;
import it.labimpact.participant.ClassRegister;
import it.labimpact.participant.EnrolmentStatus;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantListing;
import it.labimpact.participant.ParticipantQuery;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enrolment pages: an activity's enrolments (search the network's participants, enrol them), its class register
 * (attendance a whole session at a time), and enrolling or withdrawing from a participant's record.
 */
@Controller
class EnrolmentController {

    private final Enrolments enrolments;
    private final ParticipantRegistry registry;
    private final ActivityCatalogue activities;

    EnrolmentController(Enrolments enrolments, ParticipantRegistry registry, ActivityCatalogue activities) {
        this.enrolments = enrolments;
        this.registry = registry;
        this.activities = activities;
    }

    @GetMapping("/activities/{id}/register")
    String register(@PathVariable long id, @RequestParam(required = false) Long session, Model model) {
        ClassRegister register = enrolments.register(id);
        model.addAttribute("register", register);
        model.addAttribute("selected", register.sessions().stream()
                .filter(s -> session == null ? !s.date().isAfter(LocalDate.now()) : s.id() == session)
                .reduce((a, b) -> session == null ? b : a)
                .or(() -> register.sessions().stream().findFirst()).map(SessionView::id).orElse(null));
        model.addAttribute("today", LocalDate.now());
        return "participant/register";
    }

    /**
     * Saves a session's column: {@code enrolment} lists the rows on the form, {@code present} the ticked ones,
     * {@code hours-<enrolment>} an optional number of hours; {@code all=present} (the no-script "all present"
     * button) marks every row present for the whole session.
     */
    @PostMapping("/activities/{id}/register/{sessionId}")
    String saveSession(@PathVariable long id, @PathVariable long sessionId, @RequestParam long version,
            @RequestParam(name = "enrolment", required = false) List<Long> rows,
            @RequestParam(name = "present", required = false) Set<Long> present,
            @RequestParam(required = false) String all, @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        boolean allPresent = "present".equals(all);
        try {
            List<AttendanceMark> marks = new ArrayList<>();
            for (long row : rows == null ? List.<Long>of() : rows) {
                boolean isPresent = allPresent || (present != null && present.contains(row));
                String typed = allPresent ? null : params.getFirst("hours-" + row);
                marks.add(new AttendanceMark(row, isPresent, hours(typed)));
            }
            enrolments.recordSession(id, sessionId, version, marks);
            redirect.addFlashAttribute("success", "register.saved");
        } catch (RuleViolationException e) {
            flashError(redirect, e.messageKey(), e.args());
        } catch (ConcurrentEditException e) {
            flashError(redirect, "edit.conflict");
        }
        return "redirect:/activities/" + id + "/register?session=" + sessionId + "#session-" + sessionId;
    }

    @GetMapping("/activities/{id}/enrolments")
    String activityEnrolments(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        ActivityDetail activity = activities.detail(id);
        model.addAttribute("activity", activity);
        model.addAttribute("register", enrolments.register(id));
        model.addAttribute("q", q);
        List<ParticipantListing> found = List.of();
        if (q != null && !q.isBlank()) {
            try {
                found = registry.list(new ParticipantQuery(q, activity.networkCode()), new PageRequest(0, 25)).items();
            } catch (RuleViolationException e) {
                model.addAttribute("errorKey", e.messageKey());
                model.addAttribute("errorArgs", e.args());
            }
        }
        model.addAttribute("found", found);
        model.addAttribute("today", LocalDate.now());
        return "participant/enrolments";
    }

    @PostMapping("/activities/{id}/enrolments")
    String enrolFromActivity(@PathVariable long id, @RequestParam String participantId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolledOn,
            @RequestParam(required = false) String q,
            RedirectAttributes redirect) {
        enrol(ParticipantController.uuid(participantId), id, enrolledOn, redirect);
        if (q != null && !q.isBlank()) {
            redirect.addAttribute("q", q);
        }
        return "redirect:/activities/" + id + "/enrolments";
    }

    @PostMapping("/participants/{id}/enrolments")
    String enrolFromRecord(@PathVariable String id, @RequestParam(required = false) Long activityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolledOn,
            RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        if (activityId == null) {
            flashError(redirect, "enrolment.record.activity");
        } else {
            enrol(participant, activityId, enrolledOn, redirect);
        }
        return "redirect:/participants/" + participant + "#enrolments";
    }

    /** Withdraws (with a reason) or reinstates an enrolment, from the participant's record. */
    @PostMapping("/participants/{id}/enrolments/{enrolmentId}")
    String changeStatus(@PathVariable String id, @PathVariable long enrolmentId, @RequestParam int version,
            @RequestParam EnrolmentStatus status, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        UUID participant = ParticipantController.uuid(id);
        if (!enrolments.enrolment(enrolmentId).participantId().equals(participant)) {
            throw new RecordNotFoundException("enrolment", enrolmentId);
        }
        try {
            enrolments.change(enrolmentId, version, status, reason, null);
            redirect.addFlashAttribute("success", status == EnrolmentStatus.WITHDRAWN ? "enrolment.withdrawn"
                    : "enrolment.reinstated");
        } catch (RuleViolationException e) {
            flashError(redirect, e.messageKey(), e.args());
        } catch (ConcurrentEditException e) {
            flashError(redirect, "edit.conflict");
        }
        return "redirect:/participants/" + participant + "#enrolments";
    }

    private void enrol(UUID participant, long activity, LocalDate on, RedirectAttributes redirect) {
        try {
            enrolments.enrol(participant, activity, on);
            redirect.addFlashAttribute("success", "enrolment.enrolled");
        } catch (RuleViolationException e) {
            flashError(redirect, e.messageKey(), e.args());
        }
    }

    private static BigDecimal hours(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new RuleViolationException("hours", "attendance.hours.invalid", typed);
        }
    }

    private static void flashError(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("errorKey", key);
        redirect.addFlashAttribute("errorArgs", args);
    }
}
