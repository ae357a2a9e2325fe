package it.labimpact.participant;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of possible duplicates, for coordinators and administrators: both records side by side (every
 * display is an audited read), and the decision — the same person (the two records then share one person id)
 * or two people. Decisions are audited.
 */
@Service
@Transactional
public class MatchReviews {

    private static final Set<Role> REVIEWERS = EnumSet.of(Role.COORDINATOR, Role.ADMIN);

    private final ParticipantRepository repository;
    private final ParticipantRegistry registry;
    private final AuditTrail audit;

    MatchReviews(ParticipantRepository repository, ParticipantRegistry registry, AuditTrail audit) {
        this.repository = repository;
        this.registry = registry;
        this.audit = audit;
    }

    public PageResponse<MatchReview> open(PageRequest page) {
        Actor actor = ParticipantRegistry.requireRole(REVIEWERS);
        return new PageResponse<>(repository.reviews(MatchReview.Status.OPEN, page.offset(), page.size()).stream()
                .map(row -> review(actor, row)).toList(), page.page(), page.size(),
                repository.countReviews(MatchReview.Status.OPEN));
    }

    public void decide(long id, int version, MatchReview.Status decision) {
        Actor actor = ParticipantRegistry.requireRole(REVIEWERS);
        if (decision == MatchReview.Status.OPEN) {
            throw new RuleViolationException("decision", "match.decision.required");
        }
        ParticipantRepository.ReviewRow row = repository.review(id)
                .orElseThrow(() -> new RecordNotFoundException("match review", id));
        if (repository.decide(id, version, decision, actor.username()) == 0) {
            throw new ConcurrentEditException("match review", id);
        }
        if (decision == MatchReview.Status.MERGED) {
            ParticipantSummary newer = repository.find(row.participantId()).orElseThrow();
            ParticipantSummary older = repository.find(row.candidateId()).orElseThrow();
            repository.mergePerson(newer.personId(), older.personId());
        }
        audit.record("participant.match.decide", "participant_match_review", id, Map.of("decision", decision.name(),
                "participant", row.participantId().toString(), "candidate", row.candidateId().toString()));
    }

    private MatchReview review(Actor actor, ParticipantRepository.ReviewRow row) {
        ParticipantRecord participant = read(actor, row.participantId());
        ParticipantRecord candidate = read(actor, row.candidateId());
        return new MatchReview(row.id(), participant, candidate, row.reason(), row.status(), row.createdAt(),
                row.decidedBy(), row.decidedAt(), row.version());
    }

    private ParticipantRecord read(Actor actor, UUID id) {
        ParticipantRecord record = registry.record(actor, repository.find(id).orElseThrow());
        audit.record("participant.read", "participant", id, Map.of("purpose", "match-review"));
        return record;
    }
}
