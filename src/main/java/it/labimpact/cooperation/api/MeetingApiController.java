package it.labimpact.cooperation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.cooperation.MeetingAttendanceUpdate;
import it.labimpact.cooperation.MeetingData;
import it.labimpact.cooperation.MeetingDecision;
import it.labimpact.cooperation.MeetingDecisionData;
import it.labimpact.cooperation.MeetingDetail;
import it.labimpact.cooperation.MeetingQuery;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingStatus;
import it.labimpact.cooperation.MeetingSummary;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meetings of the governance bodies, their attendance and decisions. Reads are scoped to the bodies the caller
 * may read (404 otherwise); changes need the right to manage the body (403 otherwise) and carry the
 * {@code version} read (409 when stale); a broken rule answers 422.
 */
@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "Meetings", description = "Governance meetings: attendance, decisions and their follow-up")
class MeetingApiController {

    private final MeetingRegistry meetings;

    MeetingApiController(MeetingRegistry meetings) {
        this.meetings = meetings;
    }

    @GetMapping
    @Operation(summary = "Meetings the caller may read, latest first, filtered by body, network, status and period")
    PageResponse<MeetingSummary> meetings(@RequestParam(required = false) Long body,
            @RequestParam(required = false) String network, @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return meetings.meetings(new MeetingQuery(body, network, status, from, to), new PageRequest(page, size));
    }

    @PostMapping
    @Operation(summary = "Records a meeting of a body; no organisations invited means the body's members")
    ResponseEntity<MeetingDetail> create(@Valid @RequestBody MeetingData body) {
        long id = meetings.create(body);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(meetings.meeting(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One meeting with its attendance, decisions and attached files (without their content)")
    MeetingDetail meeting(@PathVariable long id) {
        return meetings.meeting(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a meeting; the body carries the version read (409 when stale)")
    MeetingDetail update(@PathVariable long id, @Valid @RequestBody MeetingData body) {
        meetings.update(id, body);
        return meetings.meeting(id);
    }

    @PutMapping("/{id}/attendance")
    @Operation(summary = "Records the attendance of every invited organisation (left out = absent); the meeting "
            + "is then held. Carries the meeting's version (409 when stale)")
    MeetingDetail attendance(@PathVariable long id, @Valid @RequestBody MeetingAttendanceUpdate body) {
        meetings.saveAttendance(id, body);
        return meetings.meeting(id);
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "Records a decision with its owner organisation and due day")
    ResponseEntity<MeetingDecision> addDecision(@PathVariable long id, @Valid @RequestBody MeetingDecisionData body) {
        long decisionId = meetings.addDecision(id, body);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id + "/decisions/" + decisionId))
                .body(decision(id, decisionId));
    }

    @PutMapping("/{id}/decisions/{decisionId}")
    @Operation(summary = "Updates a decision and its follow-up status; carries the version read (409 when stale)")
    MeetingDecision updateDecision(@PathVariable long id, @PathVariable long decisionId,
            @Valid @RequestBody MeetingDecisionData body) {
        meetings.updateDecision(id, decisionId, body);
        return decision(id, decisionId);
    }

    private MeetingDecision decision(long meetingId, long decisionId) {
        return meetings.meeting(meetingId).decisions().stream().filter(d -> d.id() == decisionId).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("decision", decisionId));
    }
}
