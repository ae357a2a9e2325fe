package it.labimpact.cooperation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.cooperation.TrainingAnswers;
import it.labimpact.cooperation.TrainingAttendeeData;
import it.labimpact.cooperation.TrainingData;
import it.labimpact.cooperation.TrainingDetail;
import it.labimpact.cooperation.TrainingQuery;
import it.labimpact.cooperation.TrainingRegistry;
import it.labimpact.cooperation.TrainingSummary;
import it.labimpact.cooperation.TrainingTheme;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
 * Trainings for operators, their attendance lists and self-assessments. Reads are scoped like the pages (own
 * network and project-wide trainings; a training of another network answers 404); changes carry the
 * {@code version} read (409 when stale); lists are saved whole (422 names the first row refused).
 */
@RestController
@RequestMapping("/api/v1/trainings")
@Tag(name = "Trainings", description = "Training of operators, attendance, self-assessment, operators trained")
class TrainingApiController {

    /** The whole attendance list at the version read. */
    record AttendanceRequest(@NotNull Integer version, @NotNull List<@Valid TrainingAttendeeData> attendees) {
    }

    /** Self-assessment answers of some attendees at the version read. */
    record AnswersRequest(@NotNull Integer version, @NotNull List<@Valid TrainingAnswers> answers) {
    }

    /** Operators trained in trainings that ended in the period, each person once ({@code network} null = all). */
    record TrainedResponse(String network, LocalDate from, LocalDate to, long trained, String rule) {
    }

    private final TrainingRegistry trainings;

    TrainingApiController(TrainingRegistry trainings) {
        this.trainings = trainings;
    }

    @GetMapping
    @Operation(summary = "Trainings the caller may read, by network (a code, or 'project' for project-wide ones), "
            + "theme and end date")
    PageResponse<TrainingSummary> list(@RequestParam(required = false) String network,
            @RequestParam(required = false) TrainingTheme theme,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return trainings.trainings(new TrainingQuery(network, theme, from, to), new PageRequest(page, size));
    }

    @GetMapping("/trained")
    @Operation(summary = "Operators trained: attended at least 70 % of the hours of a training that ended between "
            + "from and to; the same person counts once")
    TrainedResponse trained(@RequestParam(required = false) String network,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new RuleViolationException("to", "training.dates.order");
        }
        return new TrainedResponse(network, from, to, trainings.trainedOperators(network, from, to),
                "hoursAttended >= 0.70 * hoursPlanned, training ended in the period, distinct operatorKey");
    }

    @GetMapping("/{id}")
    @Operation(summary = "One training with its attendance list and self-assessment figures")
    TrainingDetail one(@PathVariable long id) {
        return trainings.detail(id);
    }

    @PostMapping
    @Operation(summary = "Creates a training; answers 201 with the training and its address")
    ResponseEntity<TrainingDetail> create(@Valid @RequestBody TrainingData body) {
        long id = trainings.create(body);
        return ResponseEntity.created(URI.create("/api/v1/trainings/" + id)).body(trainings.detail(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a training; the body carries the version read (409 when stale)")
    TrainingDetail update(@PathVariable long id, @Valid @RequestBody TrainingData body) {
        trainings.update(id, body);
        return trainings.detail(id);
    }

    @PutMapping("/{id}/attendees")
    @Operation(summary = "Replaces the attendance list as a whole (all rows saved or none) at the version read")
    TrainingDetail attendees(@PathVariable long id, @Valid @RequestBody AttendanceRequest body) {
        trainings.saveAttendance(id, body.version(), body.attendees());
        return trainings.detail(id);
    }

    @PutMapping("/{id}/self-assessments")
    @Operation(summary = "Records self-assessment answers (five 1-5 answers per phase, or none) at the version read")
    TrainingDetail answers(@PathVariable long id, @Valid @RequestBody AnswersRequest body) {
        trainings.saveAnswers(id, body.version(), body.answers());
        return trainings.detail(id);
    }
}
