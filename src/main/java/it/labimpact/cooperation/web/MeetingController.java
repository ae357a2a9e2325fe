package it.labimpact.cooperation.web;

import it.labimpact.cooperation.GovernanceBodies;
import it.labimpact.cooperation.GovernanceBody;
import it.labimpact.cooperation.MeetingAttendance;
import it.labimpact.cooperation.MeetingAttendanceUpdate;
import it.labimpact.cooperation.MeetingData;
import it.labimpact.cooperation.MeetingDecisionData;
import it.labimpact.cooperation.MeetingDecisionStatus;
import it.labimpact.cooperation.MeetingDetail;
import it.labimpact.cooperation.MeetingFileContent;
import it.labimpact.cooperation.MeetingMode;
import it.labimpact.cooperation.MeetingQuery;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingStatus;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * Meetings: the filtered list, a meeting with its attendance, decisions and files, its creation and edits, and the
 * forms of its page (attendance, decisions, files). Mistakes on the meeting page come back as an alert on it.
 */
@Controller
class MeetingController {

    private static final String LISTS = "invitedIds";

    private final MeetingRegistry meetings;
    private final GovernanceBodies bodies;
    private final MessageSource messages;

    MeetingController(MeetingRegistry meetings, GovernanceBodies bodies, MessageSource messages) {
        this.meetings = meetings;
        this.bodies = bodies;
        this.messages = messages;
    }

    @ModelAttribute("modes")
    MeetingMode[] modes() {
        return MeetingMode.values();
    }

    @ModelAttribute("statuses")
    MeetingStatus[] statuses() {
        return MeetingStatus.values();
    }

    @ModelAttribute("decisionStatuses")
    MeetingDecisionStatus[] decisionStatuses() {
        return MeetingDecisionStatus.values();
    }

    @GetMapping("/governance/meetings")
    String list(@RequestParam(required = false) Long body, @RequestParam(required = false) String network,
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        MeetingQuery query = new MeetingQuery(body, network, status, from, to);
        model.addAttribute("result", meetings.meetings(query, new PageRequest(page, 25)));
        model.addAttribute("query", query);
        model.addAttribute("bodies", bodies.bodies(null));
        model.addAttribute("networks", bodies.readableNetworks());
        return "governance/meetings";
    }

    @GetMapping("/governance/meetings/{id}")
    String detail(@PathVariable long id, Model model) {
        MeetingDetail meeting = meetings.meeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("body", bodies.body(meeting.summary().bodyId()));
        model.addAttribute("owners", meeting.canManage() ? owners(meeting) : List.of());
        model.addAttribute("maxFileMb", meetings.maxFileSize().toMegabytes());
        model.addAttribute("attendanceOpen", meeting.summary().status() != MeetingStatus.CANCELLED
                && !meeting.summary().date().isAfter(LocalDate.now(java.time.ZoneId.of("Europe/Rome"))));
        return "governance/meeting";
    }

    @GetMapping("/governance/meetings/new")
    String newForm(@RequestParam long body, Model model) {
        GovernanceBody b = manageableBody(body);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bodyId", String.valueOf(b.id()));
        values.put("mode", MeetingMode.IN_PERSON.name());
        values.put("status", MeetingStatus.PLANNED.name());
        values.put("invitedIds", b.members().stream().map(m -> String.valueOf(m.organisationId())).toList());
        return form(model, b, null, values, Map.of());
    }

    @PostMapping("/governance/meetings")
    String create(@Valid @ModelAttribute("form") MeetingData form, BindingResult binding, HttpServletRequest request,
            Model model, Locale locale, RedirectAttributes redirect) {
        GovernanceBody b = manageableBody(bodyId(request));
        Map<String, Object> typed = FormErrors.typed(request, LISTS);
        if (binding.hasErrors()) {
            return form(model, b, null, typed, FormErrors.of(binding, messages, locale));
        }
        try {
            long id = meetings.create(form);
            redirect.addFlashAttribute("success", "governance.meeting.saved");
            return "redirect:/governance/meetings/" + id;
        } catch (RuleViolationException e) {
            return form(model, b, null, typed, FormErrors.of(e, messages, locale));
        }
    }

    @GetMapping("/governance/meetings/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        MeetingDetail meeting = manageable(id);
        MeetingData d = meeting.data();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bodyId", String.valueOf(d.bodyId()));
        values.put("date", d.date().toString());
        values.put("startTime", d.startTime() == null ? "" : d.startTime().toString());
        values.put("endTime", d.endTime() == null ? "" : d.endTime().toString());
        values.put("mode", d.mode().name());
        values.put("place", d.place());
        values.put("link", d.link());
        values.put("agenda", d.agenda());
        values.put("minutes", d.minutes());
        values.put("status", d.status().name());
        values.put("invitedIds", d.invited().stream().map(String::valueOf).toList());
        values.put("version", String.valueOf(d.version()));
        return form(model, bodies.body(d.bodyId()), meeting, values, Map.of());
    }

    @PostMapping("/governance/meetings/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") MeetingData form, BindingResult binding,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        MeetingDetail meeting = manageable(id);
        GovernanceBody b = bodies.body(meeting.summary().bodyId());
        Map<String, Object> typed = FormErrors.typed(request, LISTS);
        if (binding.hasErrors()) {
            return form(model, b, meeting, typed, FormErrors.of(binding, messages, locale));
        }
        try {
            meetings.update(id, form);
            redirect.addFlashAttribute("success", "governance.meeting.saved");
            return "redirect:/governance/meetings/" + id;
        } catch (RuleViolationException e) {
            return form(model, b, meeting, typed, FormErrors.of(e, messages, locale));
        } catch (ConcurrentEditException e) {
            return form(model, b, meeting, typed, FormErrors.conflict(messages, locale));
        }
    }

    /** Attendance: a checkbox {@code present} per organisation present and {@code people-<id>} beside it. */
    @PostMapping("/governance/meetings/{id}/attendance")
    String attendance(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(name = "present", required = false) List<Long> present, HttpServletRequest request,
            RedirectAttributes redirect) {
        MeetingDetail meeting = meetings.meeting(id);
        List<MeetingAttendanceUpdate.Entry> entries = new ArrayList<>();
        for (MeetingAttendance a : meeting.attendance()) {
            boolean here = present != null && present.contains(a.organisationId());
            String people = request.getParameter("people-" + a.organisationId());
            Integer count;
            try {
                count = people == null || people.isBlank() ? null : Integer.valueOf(people.strip());
            } catch (NumberFormatException e) {
                return fail(redirect, id, "governance.attendance.peopleRange");
            }
            entries.add(new MeetingAttendanceUpdate.Entry(a.organisationId(), here, here ? count
                    : count != null && count == 0 ? null : count));
        }
        return change(redirect, id, "governance.attendance.saved", () -> meetings.saveAttendance(id,
                new MeetingAttendanceUpdate(version == null ? -1 : version, entries)));
    }

    @PostMapping("/governance/meetings/{id}/decisions")
    String addDecision(@PathVariable long id, @Valid @ModelAttribute("decision") MeetingDecisionData decision,
            BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            meetings.meeting(id);
            return fail(redirect, id, "governance.decision.invalid");
        }
        return change(redirect, id, "governance.decision.saved", () -> meetings.addDecision(id, decision));
    }

    @PostMapping("/governance/meetings/{id}/decisions/{decisionId}")
    String updateDecision(@PathVariable long id, @PathVariable long decisionId,
            @Valid @ModelAttribute("decision") MeetingDecisionData decision, BindingResult binding,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            meetings.meeting(id);
            return fail(redirect, id, "governance.decision.invalid");
        }
        return change(redirect, id, "governance.decision.saved",
                () -> meetings.updateDecision(id, decisionId, decision));
    }

    @PostMapping("/governance/meetings/{id}/files")
    String addFile(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return change(redirect, id, "governance.file.saved", () -> meetings.addFile(id, name, content));
    }

    /** A file of the minutes, always as a download of the type read from its bytes, never rendered in the page. */
    @GetMapping("/governance/meetings/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        MeetingFileContent file = meetings.file(id, fileId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    @PostMapping("/governance/meetings/{id}/files/{fileId}/delete")
    String deleteFile(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        return change(redirect, id, "governance.file.deleted", () -> meetings.deleteFile(id, fileId));
    }

    private String change(RedirectAttributes redirect, long id, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
        }
        return "redirect:/governance/meetings/" + id;
    }

    private static String fail(RedirectAttributes redirect, long id, String key, Object... args) {
        redirect.addFlashAttribute("errorKey", key);
        redirect.addFlashAttribute("errorArgs", args);
        return "redirect:/governance/meetings/" + id;
    }

    private MeetingDetail manageable(long id) {
        MeetingDetail meeting = meetings.meeting(id);
        if (!meeting.canManage()) {
            throw new AccessDeniedException("Not allowed to change meeting " + id);
        }
        return meeting;
    }

    private GovernanceBody manageableBody(long id) {
        GovernanceBody body = bodies.body(id);
        if (!body.canManage()) {
            throw new AccessDeniedException("Not allowed to manage governance body " + id);
        }
        return body;
    }

    private static long bodyId(HttpServletRequest request) {
        try {
            return Long.parseLong(String.valueOf(request.getParameter("bodyId")).strip());
        } catch (NumberFormatException e) {
            throw new it.labimpact.shared.RecordNotFoundException("governance body", request.getParameter("bodyId"));
        }
    }

    /** The organisations a decision may be given to: those invited to the meeting. */
    private static List<GovernanceBody.Member> owners(MeetingDetail meeting) {
        return meeting.attendance().stream()
                .map(a -> new GovernanceBody.Member(a.organisationId(), a.organisationName(), null)).toList();
    }

    private String form(Model model, GovernanceBody body, MeetingDetail meeting, Map<String, Object> values,
            Map<String, String> errors) {
        model.addAttribute("body", body);
        model.addAttribute("meeting", meeting);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        List<GovernanceBody.Member> invited = meeting == null ? List.of() : meeting.attendance().stream()
                .map(a -> new GovernanceBody.Member(a.organisationId(), a.organisationName(), null)).toList();
        model.addAttribute("candidates", GovernanceForms.withOthers(bodies.candidates(body.networkCode()), invited,
                messages.getMessage("governance.otherOrganisations", null, LocaleContextHolder.getLocale())));
        return "governance/meeting-form";
    }
}
