package it.labimpact.participant;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityRef;
import it.labimpact.shared.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The rules shared by assessments, outcomes and surveys: the participant must be in the actor's scope (else "not
 * found") and not erased; a date is neither in the future nor before the first contact; an activity belongs to the
 * participant's network.
 */
@Component
class FollowUpRules {

    private final ParticipantRegistry registry;
    private final ActivityCatalogue activities;
    private final Clock clock;

    FollowUpRules(ParticipantRegistry registry, ActivityCatalogue activities, Optional<Clock> clock) {
        this.registry = registry;
        this.activities = activities;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    Clock clock() {
        return clock;
    }

    /** The participant, in the actor's scope; 404 otherwise. */
    ParticipantSummary visible(UUID participant) {
        return registry.summary(participant);
    }

    /** The participant, in the actor's scope; 404 otherwise. Not for erased records. */
    ParticipantSummary changeable(UUID participant) {
        ParticipantSummary summary = registry.summary(participant);
        if (summary.erased()) {
            throw new RuleViolationException(null, "participant.erased");
        }
        return summary;
    }

    void date(String field, LocalDate date, ParticipantSummary p) {
        required(field, date);
        if (date.isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException(field, "assessment.date.future");
        }
        if (date.isBefore(p.firstContactDate())) {
            throw new RuleViolationException(field, "assessment.date.beforeFirstContact", p.firstContactDate());
        }
    }

    /** The activity, when it belongs to the participant's network (an unknown one is refused the same way). */
    ActivityRef activity(String field, Long activityId, ParticipantSummary p) {
        return activities.activity(activityId).filter(a -> a.networkCode().equals(p.networkCode()))
                .orElseThrow(() -> new RuleViolationException(field, "assessment.activity.otherNetwork"));
    }

    static void required(String field, Object value) {
        if (value == null) {
            throw new RuleViolationException(field, "assessment.required");
        }
    }
}
