package it.labimpact.cooperation;

import java.util.List;

/**
 * A training with its attendance list and self-assessment figures.
 *
 * @param data the training's fields with the current {@code version}
 * @param namesVisible whether the reader may see who attended; when not, {@code attendees} is empty and only the
 *     counts of the summary remain (network staff reading a project-wide training)
 */
public record TrainingDetail(TrainingSummary summary, TrainingData data, boolean namesVisible,
        List<TrainingAttendee> attendees, TrainingSelfAssessment selfAssessment) {
}
