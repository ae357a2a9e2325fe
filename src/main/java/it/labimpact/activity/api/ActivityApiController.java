package it.labimpact.activity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityDetail;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.activity.ActivityTypeView;
import it.labimpact.activity.SessionData;
import it.labimpact.activity.SessionView;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activities, their sessions and the activity types. Reads are scoped to the caller's network; a record of
 * another network answers 404. Changes carry the {@code version} read, and a stale one answers 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activities", description = "Activities of the networks, their sessions, the activity types")
class ActivityApiController {

    private final ActivityCatalogue catalogue;
    private final ActivityManagement management;

    ActivityApiController(ActivityCatalogue catalogue, ActivityManagement management) {
        this.catalogue = catalogue;
        this.management = management;
    }

    @GetMapping("/activity-types")
    @Operation(summary = "Every activity type, with its action, indicator code and completion threshold")
    List<ActivityTypeView> types() {
        return catalogue.types();
    }

    @GetMapping("/activities")
    @Operation(summary = "Activities the caller may read, filtered by network, type, action, status, comune name, "
            + "text and dates (running on or after from, starting on or before to)")
    PageResponse<ActivitySummary> activities(@RequestParam(required = false) String network,
            @RequestParam(required = false) String type, @RequestParam(required = false) String action,
            @RequestParam(required = false) ActivityStatus status, @RequestParam(required = false) String comune,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return catalogue.activities(new ActivityQuery(network, type, action, status, comune, q, from, to),
                new PageRequest(page, size));
    }

    @PostMapping("/activities")
    @Operation(summary = "Creates an activity; answers 201 with the activity and its address")
    ResponseEntity<ActivityDetail> create(@Valid @RequestBody ActivityData body) {
        long id = management.create(body);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(catalogue.detail(id));
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "One activity with its organisations and sessions")
    ActivityDetail activity(@PathVariable long id) {
        return catalogue.detail(id);
    }

    @PutMapping("/activities/{id}")
    @Operation(summary = "Changes an activity; the body carries the version read (409 when stale)")
    ActivityDetail update(@PathVariable long id, @Valid @RequestBody ActivityData body) {
        management.update(id, body);
        return catalogue.detail(id);
    }

    @GetMapping("/activities/{id}/sessions")
    @Operation(summary = "The sessions of an activity, in time order")
    List<SessionView> sessions(@PathVariable long id) {
        return catalogue.sessions(id);
    }

    @PostMapping("/activities/{id}/sessions")
    @Operation(summary = "Adds a session within the activity's dates; hours default to the time between start and end")
    ResponseEntity<SessionView> addSession(@PathVariable long id, @Valid @RequestBody SessionData body) {
        long sessionId = management.addSession(id, body);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/sessions/" + sessionId))
                .body(session(id, sessionId));
    }

    @PutMapping("/activities/{id}/sessions/{sessionId}")
    @Operation(summary = "Changes a session; the body carries the version read (409 when stale)")
    SessionView updateSession(@PathVariable long id, @PathVariable long sessionId,
            @Valid @RequestBody SessionData body) {
        management.updateSession(id, sessionId, body);
        return session(id, sessionId);
    }

    @DeleteMapping("/activities/{id}/sessions/{sessionId}")
    @Operation(summary = "Deletes a session at the version read (409 when stale)")
    ResponseEntity<Void> deleteSession(@PathVariable long id, @PathVariable long sessionId,
            @RequestParam int version) {
        management.deleteSession(id, sessionId, version);
        return ResponseEntity.noContent().build();
    }

    private SessionView session(long activityId, long sessionId) {
        return catalogue.sessions(activityId).stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("session", sessionId));
    }
}
