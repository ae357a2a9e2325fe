package it.labimpact.report;

import it.labimpact.audit.AuditTrail;
import it.labimpact.indicator.Period;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The networks' notes for the periodic report ({@code report_note}): one per network and period, written by the
 * network's lead or the coordinator, with optimistic locking; every change is audited.
 */
@Service
public class ReportNotes {

    /** The longest note accepted. */
    public static final int MAX_LENGTH = 4000;

    private final ReportNoteRepository repository;
    private final AuditTrail audit;
    private final LockedPeriods locks;

    ReportNotes(ReportNoteRepository repository, AuditTrail audit, LockedPeriods locks) {
        this.repository = repository;
        this.audit = audit;
        this.locks = locks;
    }

    /** The notes of a period: every network's for the project ({@code network} null), or one network's. */
    public List<ReportNote> forPeriod(Period period, String network) {
        return repository.forPeriod(period.code(), network);
    }

    /** The coordinator, or the network's own lead. */
    public static boolean canEdit(Actor actor, String network) {
        return actor.role() == Role.COORDINATOR
                || (actor.role() == Role.NETWORK_LEAD && network != null && network.equals(actor.networkCode()));
    }

    /**
     * Writes a network's note for a period.
     *
     * @param version the version read, {@code null} when there was no note yet
     * @throws RecordNotFoundException when the actor may not write this network's note
     * @throws ConcurrentEditException when someone changed the note since it was read
     * @throws RuleViolationException on {@code text} when it is too long
     * @throws it.labimpact.shared.PeriodLockedException for a quarter the network's data was approved for: the note
     *     is part of what was handed in
     */
    @Transactional
    public void save(Period period, String network, String text, Integer version) {
        Actor actor = Actor.require();
        if (!canEdit(actor, network)) {
            throw new RecordNotFoundException("network", network);
        }
        if (period.kind() == Period.Kind.QUARTER) {
            locks.ensureOpen(network, period.from());
        }
        String clean = text == null ? "" : text.strip();
        if (clean.length() > MAX_LENGTH) {
            throw new RuleViolationException("text", "report.note.tooLong", String.valueOf(MAX_LENGTH));
        }
        boolean saved = version == null ? repository.insert(period.code(), network, clean, actor.username())
                : repository.update(period.code(), network, clean, actor.username(), version);
        if (!saved) {
            throw new ConcurrentEditException("report_note", period.code() + "/" + network);
        }
        audit.record("report.note.saved", "report_note", period.code() + "/" + network,
                Map.of("period", period.code(), "network", network, "length", clean.length()));
    }
}
