package it.labimpact.indicator;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval of a network's data for a quarter (approvazione del trimestre). The network lead submits a quarter that
 * has ended; the coordinator approves it, which locks it ({@link it.labimpact.shared.LockedPeriods}) and stores the
 * network's indicator values as a snapshot, or sends it back with a comment; an approved quarter can be reopened
 * by the coordinator with a reason, which unlocks it and supersedes its snapshots. When every network's quarter is
 * approved, the project's values are stored too. Each step carries the version read and is audited.
 */
@Service
@Transactional
public class Approvals {

    static final int COMMENT_MAX = 2000;

    private final ApprovalRepository repository;
    private final Indicators indicators;
    private final Snapshots snapshots;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final Clock clock;

    Approvals(ApprovalRepository repository, Indicators indicators, Snapshots snapshots, Partnership partnership,
            AuditTrail audit, Optional<Clock> clock) {
        this.repository = repository;
        this.indicators = indicators;
        this.snapshots = snapshots;
        this.partnership = partnership;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** The lead of this very network may submit its quarters. */
    public static boolean canSubmit(Actor actor, String network) {
        return actor.role() == Role.NETWORK_LEAD && network != null && network.equals(actor.networkCode());
    }

    /** Coordinators (and administrators) approve, send back and reopen. */
    public static boolean canDecide(Actor actor) {
        return actor.canManageProject();
    }

    /**
     * Submits a network's quarter, first time ({@code version} null) or again after it was returned or reopened.
     *
     * @throws RuleViolationException for a period that is not a quarter, has not ended, or is already submitted
     *     or approved
     * @throws ConcurrentEditException when the submission changed since {@code version} was read
     */
    public Submission submit(String network, String periodCode, String comment, Integer version) {
        Actor actor = Actor.require();
        checkNetwork(actor, network);
        if (!canSubmit(actor, network)) {
            throw new AccessDeniedException("Only the network's lead submits its quarter");
        }
        Period quarter = endedQuarter(periodCode);
        String note = optionalComment(comment);
        Optional<Submission> current = repository.find(network, quarter.code());
        long id;
        if (current.isEmpty()) {
            if (version != null) {
                throw new ConcurrentEditException("submission", network + " " + quarter.code());
            }
            id = repository.insert(network, quarter.code(), note, actor.username())
                    .orElseThrow(() -> new ConcurrentEditException("submission", network + " " + quarter.code()));
        } else {
            Submission s = current.get();
            if (!s.status().submittable()) {
                throw new RuleViolationException(null, "approval.submit.notAllowed", quarter.label(locale()));
            }
            if (version == null || repository.resubmit(s.id(), version, note, actor.username()) == 0) {
                throw new ConcurrentEditException("submission", s.id());
            }
            id = s.id();
        }
        return stepDone(id, SubmissionStatus.SUBMITTED, note, actor, network, quarter, current);
    }

    /** Approves a submitted quarter: locks it and stores the network's values (and the project's when complete). */
    public Submission approve(String network, String periodCode, int version) {
        Actor actor = decider(network);
        Period quarter = quarter(periodCode);
        Submission s = existing(network, quarter);
        if (s.status() != SubmissionStatus.SUBMITTED) {
            throw new RuleViolationException(null, "approval.approve.notSubmitted", quarter.label(locale()));
        }
        decide(s, version, SubmissionStatus.APPROVED, null, actor);
        snapshots.take(quarter, network, actor.username());
        if (repository.approvedNetworks(quarter.code()) == allNetworks()) {
            snapshots.take(quarter, null, actor.username());
            audit.record("indicator.snapshot.project", "indicator_snapshot", quarter.code(),
                    Map.of("period", quarter.code()));
        }
        return stepDone(s.id(), SubmissionStatus.APPROVED, null, actor, network, quarter, Optional.of(s));
    }

    /** Sends a submitted quarter back to the network with a required comment. */
    public Submission sendBack(String network, String periodCode, int version, String comment) {
        Actor actor = decider(network);
        Period quarter = quarter(periodCode);
        String note = requiredComment(comment);
        Submission s = existing(network, quarter);
        if (s.status() != SubmissionStatus.SUBMITTED) {
            throw new RuleViolationException(null, "approval.return.notSubmitted", quarter.label(locale()));
        }
        decide(s, version, SubmissionStatus.RETURNED, note, actor);
        return stepDone(s.id(), SubmissionStatus.RETURNED, note, actor, network, quarter, Optional.of(s));
    }

    /** Reopens an approved quarter with a required reason: unlocks it and supersedes its snapshots (kept). */
    public Submission reopen(String network, String periodCode, int version, String reason) {
        Actor actor = decider(network);
        Period quarter = quarter(periodCode);
        String note = requiredComment(reason);
        Submission s = existing(network, quarter);
        if (s.status() != SubmissionStatus.APPROVED) {
            throw new RuleViolationException(null, "approval.reopen.notApproved", quarter.label(locale()));
        }
        decide(s, version, SubmissionStatus.REOPENED, note, actor);
        snapshots.supersede(quarter, network);
        snapshots.supersede(quarter, null);
        return stepDone(s.id(), SubmissionStatus.REOPENED, note, actor, network, quarter, Optional.of(s));
    }

    /** The submission of a network's quarter, if any (404 for a network outside the actor's scope). */
    @Transactional(readOnly = true)
    public Optional<Submission> submission(String network, String periodCode) {
        checkNetwork(Actor.require(), network);
        return repository.find(network, quarter(periodCode).code());
    }

    /** The steps of a network's quarter, oldest first. */
    @Transactional(readOnly = true)
    public List<SubmissionStep> history(String network, String periodCode) {
        return submission(network, periodCode).map(s -> repository.steps(s.id())).orElse(List.of());
    }

    /**
     * The submissions of the given quarters for the networks the actor sees, keyed by network code then period
     * code.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Submission>> grid(List<Period> quarters) {
        Actor actor = Actor.require();
        String network = actor.seesWholeProject() ? null : actor.networkCode();
        Map<String, Map<String, Submission>> grid = new LinkedHashMap<>();
        if (!actor.seesWholeProject() && network == null) {
            return grid;
        }
        repository.list(quarters.stream().map(Period::code).toList(), network)
                .forEach(s -> grid.computeIfAbsent(s.network(), n -> new LinkedHashMap<>()).put(s.periodCode(), s));
        return grid;
    }

    /** The networks the actor sees on the approval pages. */
    @Transactional(readOnly = true)
    public List<NetworkSummary> networks() {
        Actor actor = Actor.require();
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    /** The quarters from the project's start to the current one, newest first. */
    public List<Period> quarters() {
        return indicators.periods().stream().filter(p -> p.kind() == Period.Kind.QUARTER).toList();
    }

    /** Whether a quarter has ended (only ended quarters can be submitted). */
    public boolean ended(Period quarter) {
        return quarter.to().isBefore(LocalDate.now(clock));
    }

    // --- helpers ---

    private Submission stepDone(long id, SubmissionStatus status, String comment, Actor actor, String network,
            Period quarter, Optional<Submission> before) {
        repository.step(id, status, comment, actor.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("network", network);
        details.put("period", quarter.code());
        details.put("from", before.map(s -> s.status().name()).orElse("NONE"));
        details.put("to", status.name());
        details.put("comment", comment != null);
        audit.record("indicator.submission." + status.name().toLowerCase(), "indicator_submission", id, details);
        return repository.find(network, quarter.code()).orElseThrow();
    }

    private void decide(Submission s, int version, SubmissionStatus to, String comment, Actor actor) {
        if (repository.decide(s.id(), version, s.status(), to, comment, actor.username()) == 0) {
            throw new ConcurrentEditException("submission", s.id());
        }
    }

    private Actor decider(String network) {
        Actor actor = Actor.require();
        checkNetwork(actor, network);
        if (!canDecide(actor)) {
            throw new AccessDeniedException("Only the coordination decides on a submission");
        }
        return actor;
    }

    private void checkNetwork(Actor actor, String network) {
        if (network == null || !actor.canRead(network) || partnership.network(network).isEmpty()) {
            throw new RecordNotFoundException("network", network);
        }
    }

    private Submission existing(String network, Period quarter) {
        return repository.find(network, quarter.code())
                .orElseThrow(() -> new RuleViolationException(null, "approval.notSubmitted",
                        quarter.label(locale())));
    }

    private Period quarter(String periodCode) {
        Period p = indicators.period(periodCode);
        if (p.kind() != Period.Kind.QUARTER) {
            throw new RuleViolationException("period", "approval.period.quarterOnly", periodCode);
        }
        return p;
    }

    private Period endedQuarter(String periodCode) {
        Period p = quarter(periodCode);
        if (!ended(p)) {
            throw new RuleViolationException("period", "approval.period.notEnded", p.label(locale()));
        }
        return p;
    }

    private long allNetworks() {
        return partnership.networks().size();
    }

    private static String optionalComment(String comment) {
        String c = comment == null ? "" : comment.strip();
        if (c.length() > COMMENT_MAX) {
            throw new RuleViolationException("comment", "approval.comment.tooLong", COMMENT_MAX);
        }
        return c.isEmpty() ? null : c;
    }

    private static String requiredComment(String comment) {
        String c = optionalComment(comment);
        if (c == null || c.length() < 2) {
            throw new RuleViolationException("comment", "approval.comment.required");
        }
        return c;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
