package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes of a participant: professional guidance, family-reunification assistance, applications for the
 * recognition of a qualification and for EU long-term residence, employment status at entry, exit and follow-up.
 * The same outcome twice on the same date is refused. Scoped like the registry. An outcome dated in an approved
 * quarter of the participant's network is neither recorded nor corrected, nor moved into or out of one.
 */
@Service
@Transactional
public class Outcomes {

    private final AssessmentRepository repository;
    private final FollowUpRules rules;
    private final AuditTrail audit;
    private final LockedPeriods locks;

    Outcomes(AssessmentRepository repository, FollowUpRules rules, AuditTrail audit, LockedPeriods locks) {
        this.repository = repository;
        this.locks = locks;
        this.rules = rules;
        this.audit = audit;
    }

    /** Records an outcome; returns its id. */
    public long record(UUID participant, OutcomeData d) {
        ParticipantSummary p = rules.changeable(participant);
        check(p, d);
        locks.ensureOpen(p.networkCode(), d.date());
        long id = repository.insertOutcome(participant, d, Actor.require().username())
                .orElseThrow(() -> new RuleViolationException("date", "outcome.duplicate"));
        audit.record("participant.outcome.record", "participant", participant, details(id, d));
        return id;
    }

    /**
     * Corrects an outcome recorded by mistake, under the same rules; refused with a conflict when {@code version} is
     * stale, "not found" when the outcome is not the participant's.
     */
    public void correct(UUID participant, long outcomeId, int version, OutcomeData d) {
        ParticipantSummary p = rules.changeable(participant);
        check(p, d);
        repository.outcomes(participant).stream().filter(o -> o.id() == outcomeId).findFirst()
                .ifPresent(old -> locks.ensureOpen(p.networkCode(), old.date()));
        locks.ensureOpen(p.networkCode(), d.date());
        if (repository.outcomeTaken(participant, outcomeId, d.type(), d.date())) {
            throw new RuleViolationException("date", "outcome.duplicate");
        }
        if (repository.updateOutcome(participant, outcomeId, version, d) == 0) {
            if (repository.outcomes(participant).stream().anyMatch(o -> o.id() == outcomeId)) {
                throw new ConcurrentEditException("outcome", outcomeId);
            }
            throw new RecordNotFoundException("outcome", outcomeId);
        }
        audit.record("participant.outcome.correct", "participant", participant, details(outcomeId, d));
    }

    private void check(ParticipantSummary p, OutcomeData d) {
        FollowUpRules.required("type", d.type());
        rules.date("date", d.date(), p);
        if (d.type() == OutcomeType.EMPLOYMENT_STATUS) {
            FollowUpRules.required("phase", d.phase());
            FollowUpRules.required("employmentStatus", d.employmentStatus());
        }
        if (d.activityId() != null) {
            rules.activity("activityId", d.activityId(), p);
        }
    }

    private static Map<String, Object> details(long id, OutcomeData d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", id);
        details.put("type", d.type().name());
        if (d.type() == OutcomeType.EMPLOYMENT_STATUS) {
            details.put("phase", d.phase().name());
            details.put("status", d.employmentStatus().name());
        }
        return details;
    }

    /** The outcomes of a participant in the actor's scope, oldest first. */
    @Transactional(readOnly = true)
    public List<Outcome> of(UUID participant) {
        rules.visible(participant);
        return repository.outcomes(participant);
    }
}
