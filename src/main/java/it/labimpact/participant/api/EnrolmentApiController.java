package it.labimpact.participant.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.participant.AttendanceMark;
import it.labimpact.participant.ClassRegister;
import it.labimpact.participant.EnrolmentStatus;
import it.labimpact.participant.EnrolmentView;
import it.labimpact.participant.Enrolments;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrolments and attendance API: enrol, list by activity or participant, read and change an enrolment's status
 * with its version, read an activity's attendance grid, record a whole session at once (all or nothing).
 */
@RestController
@Tag(name = "Enrolments", description = "Enrolments in activities, attendance and completion")
class EnrolmentApiController {

    /** An enrolment to make; {@code enrolledOn} defaults to today. */
    record EnrolmentRequest(@NotNull UUID participantId, @NotNull Long activityId, LocalDate enrolledOn) {
    }

    /** A status change read at {@code version}: WITHDRAWN needs a reason; COMPLETED only when the rule is met. */
    record EnrolmentChange(@NotNull Integer version, @NotNull EnrolmentStatus status, String reason,
            LocalDate endedOn) {
    }

    /** A whole session's attendance, read at {@code version} (the grid's session version). */
    record SessionAttendance(@NotNull Long version, @NotNull @Valid List<Mark> marks) {
    }

    /** One participant at the session; {@code hours} defaults to the session's when present. */
    record Mark(@NotNull Long enrolmentId, boolean present, BigDecimal hours) {
    }

    private final Enrolments enrolments;

    EnrolmentApiController(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @PostMapping("/api/v1/enrolments")
    @Operation(summary = "Enrol a participant in an activity of their network")
    ResponseEntity<EnrolmentView> enrol(@Valid @RequestBody EnrolmentRequest request) {
        EnrolmentView created = enrolments.enrol(request.participantId(), request.activityId(), request.enrolledOn());
        return ResponseEntity.created(URI.create("/api/v1/enrolments/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/enrolments")
    @Operation(summary = "Enrolments within the caller's scope, by activity and/or participant")
    PageResponse<EnrolmentView> list(@RequestParam(required = false) Long activityId,
            @RequestParam(required = false) UUID participantId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return enrolments.list(activityId, participantId, new PageRequest(page, size));
    }

    @GetMapping("/api/v1/enrolments/{id}")
    @Operation(summary = "One enrolment (404 outside the caller's scope)")
    EnrolmentView enrolment(@PathVariable String id) {
        return enrolments.enrolment(id(id));
    }

    @PutMapping("/api/v1/enrolments/{id}")
    @Operation(summary = "Withdraw or reinstate an enrolment (409 when the version is stale)")
    EnrolmentView change(@PathVariable String id, @Valid @RequestBody EnrolmentChange change) {
        return enrolments.change(id(id), change.version(), change.status(), change.reason(), change.endedOn());
    }

    @PostMapping("/api/v1/enrolments/{id}/recompute")
    @Operation(summary = "Recompute an enrolment's status from its attendance (after the planned hours changed)")
    EnrolmentView recompute(@PathVariable String id) {
        return enrolments.recompute(id(id));
    }

    @GetMapping("/api/v1/activities/{id}/attendance")
    @Operation(summary = "The attendance grid of an activity: sessions, participants, cells, totals")
    ClassRegister attendance(@PathVariable long id) {
        return enrolments.register(id);
    }

    @PutMapping("/api/v1/activities/{id}/attendance/{sessionId}")
    @Operation(summary = "Record a whole session, all or nothing (409 when the session's version is stale)")
    ResponseEntity<Void> recordSession(@PathVariable long id, @PathVariable long sessionId,
            @Valid @RequestBody SessionAttendance attendance) {
        enrolments.recordSession(id, sessionId, attendance.version(), attendance.marks().stream()
                .map(m -> new AttendanceMark(m.enrolmentId(), m.present(), m.hours())).toList());
        return ResponseEntity.noContent().build();
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new RecordNotFoundException("enrolment", id);
        }
    }
}
