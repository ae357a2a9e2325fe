package it.labimpact.participant;

import java.time.Instant;
import java.util.UUID;

/** A survey answered for a participant and an activity, on paper (entered by an operator) or through a link. */
public record SurveyResponse(long id, UUID participantId, long activityId, SurveyAnswers answers, Source source,
        Instant answeredAt) {

    /** Who entered it. */
    public enum Source { OPERATOR, LINK }
}
