package it.labimpact.indicator;

import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator values approved for a quarter, stored when the coordinator approves a network's quarter (and the
 * project's once all networks are approved), so that a report handed in can be reproduced exactly whatever changes
 * afterwards. Reopening a quarter supersedes its snapshot but keeps it.
 */
@Service
@Transactional
public class Snapshots {

    private static final TypeReference<List<Cell>> CELLS = new TypeReference<>() {
    };

    private final ApprovalRepository repository;
    private final Indicators indicators;
    private final JsonMapper json = JsonMapper.builder().build();

    Snapshots(ApprovalRepository repository, Indicators indicators) {
        this.repository = repository;
        this.indicators = indicators;
    }

    /**
     * The latest snapshot of a quarter for a network ({@code null}: the project), current or superseded by a
     * reopening, with {@link IndicatorResult#snapshotId()} set; empty when the quarter was never approved.
     *
     * @throws RecordNotFoundException when the actor may not read the network's records
     */
    @Transactional(readOnly = true)
    public Optional<IndicatorResult> latest(Period period, String network) {
        checkScope(network);
        return repository.latestSnapshot(period.code(), network).map(s -> result(period, s));
    }

    /**
     * The values approved for a quarter of a network ({@code null}: the project, approved once every network is),
     * while the approval stands: the current snapshot, with {@link IndicatorResult#computedAt()} the time of
     * approval and {@link IndicatorResult#snapshotId()} set; empty for a period that is not a quarter, a quarter never
     * approved or one reopened since (then the live values apply).
     *
     * @throws RecordNotFoundException when the actor may not read the network's records
     */
    @Transactional(readOnly = true)
    public Optional<IndicatorResult> approved(Period period, String network) {
        checkScope(network);
        if (period.kind() != Period.Kind.QUARTER) {
            return Optional.empty();
        }
        return repository.currentSnapshot(period.code(), network).map(s -> result(period, s));
    }

    /** One snapshot by id, within the actor's scope. */
    @Transactional(readOnly = true)
    public Optional<IndicatorResult> snapshot(long id) {
        return repository.snapshot(id).filter(s -> s.info().network() == null
                        || Actor.require().canRead(s.info().network()))
                .map(s -> result(indicators.period(s.info().periodCode()), s));
    }

    /** The snapshots of a quarter for a network or the project, newest first. */
    @Transactional(readOnly = true)
    public List<SnapshotInfo> history(Period period, String network) {
        checkScope(network);
        return repository.snapshots(period.code(), network);
    }

    /**
     * Computes and stores the values of a network ({@code null}: the project) for a quarter, superseding the current
     * snapshot if any; the computation runs as the platform, whose scope is the whole project.
     */
    long take(Period period, String network, String takenBy) {
        AtomicReference<IndicatorResult> values = new AtomicReference<>();
        Actor.runAs(Actor.SYSTEM, () -> values.set(indicators.compute(period, network)));
        repository.supersede(period.code(), network);
        return repository.insertSnapshot(period.code(), network, takenBy, json.writeValueAsString(values.get().cells()));
    }

    /** Supersedes the current snapshot of a network ({@code null}: the project), if any. */
    void supersede(Period period, String network) {
        repository.supersede(period.code(), network);
    }

    private IndicatorResult result(Period period, ApprovalRepository.StoredSnapshot s) {
        return new IndicatorResult(period, s.info().network(), s.info().takenAt(), json.readValue(s.cells(), CELLS), 0,
                s.info().id());
    }

    private static void checkScope(String network) {
        if (network != null && !Actor.require().canRead(network)) {
            throw new RecordNotFoundException("network", network);
        }
    }
}
