package it.labimpact.participant.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.participant.Assessment;
import it.labimpact.participant.AssessmentData;
import it.labimpact.participant.Assessments;
import it.labimpact.participant.LevelProgress;
import it.labimpact.participant.Outcome;
import it.labimpact.participant.OutcomeData;
import it.labimpact.participant.Outcomes;
import it.labimpact.participant.SurveyAnswers;
import it.labimpact.participant.Surveys;
import it.labimpact.shared.RecordNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessments, outcomes and operator-entered survey answers of a participant in the caller's scope; errors as
 * problem+json (422 with the field for a broken rule, 404 for a participant outside the scope).
 */
@RestController
@RequestMapping("/api/v1/participants/{id}")
@Tag(name = "Participant follow-up", description = "Assessments (Italian L2, DigComp), outcomes, feedback survey")
class AssessmentApiController {

    /** The assessments of a participant and the progress from entry to exit. */
    record AssessmentsResponse(List<Assessment> items, List<LevelProgress> progress) {
    }

    /** The outcomes of a participant. */
    record OutcomesResponse(List<Outcome> items) {
    }

    /** Survey answers given on paper, for an activity of the participant's network. */
    record SurveyRequest(@NotNull Long activityId, @Valid @NotNull SurveyAnswers answers) {
    }

    /** A correction: the whole assessment, and the version it was read at. */
    record AssessmentCorrection(@NotNull Integer version, @Valid @NotNull AssessmentData assessment) {
    }

    /** A correction: the whole outcome, and the version it was read at. */
    record OutcomeCorrection(@NotNull Integer version, @Valid @NotNull OutcomeData outcome) {
    }

    /** The id of what was created. */
    record Created(long id) {
    }

    private final Assessments assessments;
    private final Outcomes outcomes;
    private final Surveys surveys;

    AssessmentApiController(Assessments assessments, Outcomes outcomes, Surveys surveys) {
        this.assessments = assessments;
        this.outcomes = outcomes;
        this.surveys = surveys;
    }

    @GetMapping("/assessments")
    @Operation(summary = "Assessments of a participant, oldest first, with entry → exit per kind")
    AssessmentsResponse assessments(@PathVariable String id) {
        List<Assessment> list = assessments.of(uuid(id));
        return new AssessmentsResponse(list, Assessments.progress(list));
    }

    @PostMapping("/assessments")
    @Operation(summary = "Record an assessment (level: A1…C2, PRE_ALPHA, ALPHA, PRE_A1 for Italian L2; 1–8 for DigComp)")
    ResponseEntity<Created> assess(@PathVariable String id, @RequestBody AssessmentData data) {
        long created = assessments.record(uuid(id), data);
        return ResponseEntity.created(URI.create("/api/v1/participants/" + id + "/assessments")).body(new Created(created));
    }

    @PutMapping("/assessments/{assessmentId}")
    @Operation(summary = "Correct an assessment recorded by mistake; 409 when the version is stale")
    AssessmentsResponse correctAssessment(@PathVariable String id, @PathVariable long assessmentId,
            @Valid @RequestBody AssessmentCorrection request) {
        assessments.correct(uuid(id), assessmentId, request.version(), request.assessment());
        return assessments(id);
    }

    @GetMapping("/outcomes")
    @Operation(summary = "Outcomes of a participant, oldest first")
    OutcomesResponse outcomes(@PathVariable String id) {
        return new OutcomesResponse(outcomes.of(uuid(id)));
    }

    @PostMapping("/outcomes")
    @Operation(summary = "Record an outcome; the same outcome twice on one date is refused")
    ResponseEntity<Created> outcome(@PathVariable String id, @RequestBody OutcomeData data) {
        long created = outcomes.record(uuid(id), data);
        return ResponseEntity.created(URI.create("/api/v1/participants/" + id + "/outcomes")).body(new Created(created));
    }

    @PutMapping("/outcomes/{outcomeId}")
    @Operation(summary = "Correct an outcome recorded by mistake; 409 when the version is stale")
    OutcomesResponse correctOutcome(@PathVariable String id, @PathVariable long outcomeId,
            @Valid @RequestBody OutcomeCorrection request) {
        outcomes.correct(uuid(id), outcomeId, request.version(), request.outcome());
        return outcomes(id);
    }

    @PostMapping("/surveys")
    @Operation(summary = "Enter paper survey answers; one answer per participant and activity")
    ResponseEntity<Created> survey(@PathVariable String id, @Valid @RequestBody SurveyRequest request) {
        long created = surveys.record(uuid(id), request.activityId(), request.answers());
        return ResponseEntity.status(201).body(new Created(created));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("participant", id);
        }
    }
}
