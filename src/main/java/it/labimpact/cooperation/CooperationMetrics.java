package it.labimpact.cooperation;

import it.labimpact.indicator.Cell;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.indicator.Snapshots;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.OrganisationQuery;
import it.labimpact.partnership.OrganisationSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cooperation metrics of objective 1 (active ties, new ties since the baseline, density, cross-sector share,
 * bridges, isolates — rules in {@link CooperationGraph}) per network and for the project, their trend by quarter and
 * the graph itself. The baseline is the project's first quarter ({@code labimpact.indicators.project-start}).
 *
 * <p><b>Approved quarters.</b> A quarter whose values are approved (a network's quarter; the project's once every
 * network's is) is frozen: its figures are the approved ones, read from the indicator snapshot taken at approval
 * (the catalogue's P1-COOP-* indicators, computed by the same rules), not recomputed from the evidence as it stands.
 * Locks keep a network's meetings, agreements and referrals from changing in an approved quarter, but not the other
 * things the figures depend on (membership, an organisation's kind, the partners of an activity), so only the
 * snapshot reproduces what was approved. The graph's ties are always the evidence as it stands.
 *
 * <p>Scope: anybody logged in reads the project's figures and graph; a network's only who may read that network's
 * records (network staff their own, project-wide roles every one); another or an unknown network is "not found".
 */
@Service
@Transactional(readOnly = true)
public class CooperationMetrics {

    private final CooperationMetricsRepository repository;
    private final Indicators indicators;
    private final Partnership partnership;

    private final Snapshots snapshots;

    CooperationMetrics(CooperationMetricsRepository repository, Indicators indicators, Partnership partnership,
            Snapshots snapshots) {
        this.repository = repository;
        this.indicators = indicators;
        this.partnership = partnership;
        this.snapshots = snapshots;
    }

    /**
     * The baseline: the project's first quarter, derived in one place ({@link
     * it.labimpact.indicator.IndicatorSettings#firstQuarter}) for these figures and the catalogue's P1-COOP-NEW.
     */
    public Period baseline() {
        return indicators.settings().firstQuarter();
    }

    /**
     * The metrics of a network ({@code null}: the project) for a period: the approved values for an approved quarter
     * ({@link CooperationFigures#approvedAt()} set), otherwise computed from the evidence.
     */
    public CooperationFigures figures(Period period, String network) {
        checkScope(network);
        return approved(period, network).orElseGet(
                () -> graph(period, network, repository.evidence(period.to()), repository.kinds()).figures());
    }

    /** The figures approved for a quarter of a network or the project, while the approval stands. */
    private Optional<CooperationFigures> approved(Period period, String network) {
        return snapshots.approved(period, network).map(r -> new CooperationFigures(network,
                count(r, "P1-COOP-MEMBERS", network), count(r, "P1-COOP-TIES", network),
                count(r, "P1-COOP-NEW", network), null, value(r, "P1-COOP-DENSITY", network),
                count(r, "P1-COOP-X", network), value(r, "P1-COOP-X-SHARE", network),
                count(r, "P1-COOP-BRIDGES", network), count(r, "P1-COOP-ISOLATES", network), r.computedAt()));
    }

    /** A count of a snapshot: a network without any (no members, no ties) has no cell, which is zero. */
    private static int count(IndicatorResult r, String code, String network) {
        return r.total(code, network).map(Cell::value).orElse(BigDecimal.ZERO).intValue();
    }

    /** A percentage of a snapshot; {@code null} when there was none (no ties, fewer than two members). */
    private static BigDecimal value(IndicatorResult r, String code, String network) {
        return r.total(code, network).map(Cell::value).orElse(null);
    }

    /**
     * The graph of a network ({@code null}: the project) for a period: its nodes and ties with their names, drawn
     * from the evidence as it stands, and the period's figures — the approved ones for an approved quarter, as on
     * the scorecard.
     */
    public CooperationGraphView graph(Period period, String network) {
        checkScope(network);
        CooperationGraph graph = graph(period, network, repository.evidence(period.to()), repository.kinds());
        Map<Long, String> names = names();
        return new CooperationGraphView(period.code(), network, approved(period, network).orElse(graph.figures()),
                graph.nodes(names), graph.ties(names));
    }

    /** Active and new ties quarter by quarter, from the baseline quarter to the current one. */
    public List<CooperationTrendPoint> trend(String network) {
        checkScope(network);
        Period current = indicators.currentQuarter();
        List<TieEvidence> evidence = repository.evidence(current.to());
        Map<Long, String> kinds = repository.kinds();
        List<CooperationTrendPoint> points = new ArrayList<>();
        for (Period q = baseline(); !q.from().isAfter(current.from()); q = Period.quarterOf(q.to().plusDays(1))) {
            Period quarter = q;
            CooperationFigures f = approved(q, network)
                    .orElseGet(() -> graph(quarter, network, evidence, kinds, Set.of()).figures());
            points.add(new CooperationTrendPoint(q.code(), q.from(), q.to(), f.activeTies(), f.newTies(),
                    f.approvedAt()));
        }
        return points;
    }

    /**
     * The scorecard of a period: the project's row, then one row per network the actor may read, with the active
     * ties of the period before for the trend.
     */
    public List<CooperationScorecardRow> scorecard(Period period) {
        Actor actor = Actor.require();
        List<TieEvidence> evidence = repository.evidence(period.to());
        Map<Long, String> kinds = repository.kinds();
        Period before = previous(period);
        List<CooperationScorecardRow> rows = new ArrayList<>();
        rows.add(row(null, null, period, before, evidence, kinds));
        for (NetworkSummary n : partnership.networks()) {
            if (actor.canRead(n.code())) {
                rows.add(row(n.code(), n.name(), period, before, evidence, kinds));
            }
        }
        return rows;
    }

    /**
     * The period before: the previous quarter or year; for the project to date, the project to the end of the
     * previous quarter; {@code null} when it would end before the project's start.
     */
    Period previous(Period period) {
        LocalDate start = indicators.settings().projectStart();
        Period before = switch (period.kind()) {
            case QUARTER -> Period.quarterOf(period.from().minusDays(1));
            case YEAR -> Period.year(period.from().getYear() - 1);
            case PROJECT_TO_DATE -> {
                LocalDate end = Period.quarterOf(period.to()).from().minusDays(1);
                yield end.isBefore(start) ? null : Period.projectToDate(start, end);
            }
        };
        return before == null || before.to().isBefore(start) ? null : before;
    }

    private CooperationScorecardRow row(String network, String name, Period period, Period before,
            List<TieEvidence> evidence, Map<Long, String> kinds) {
        CooperationFigures figures = approved(period, network)
                .orElseGet(() -> graph(period, network, evidence, kinds).figures());
        Integer previous = before == null ? null : approved(before, network)
                .orElseGet(() -> graph(before, network, evidence, kinds, Set.of()).figures()).activeTies();
        return new CooperationScorecardRow(network, name, figures, previous);
    }

    private CooperationGraph graph(Period period, String network, List<TieEvidence> evidence,
            Map<Long, String> kinds) {
        return graph(period, network, evidence, kinds, repository.members(network, period.from(), period.to()));
    }

    private CooperationGraph graph(Period period, String network, List<TieEvidence> evidence,
            Map<Long, String> kinds, Set<Long> members) {
        Period base = baseline();
        return new CooperationGraph(network, members, kinds, evidence, period.from(), period.to(), base.from(),
                base.to());
    }

    /** Organisation id → name, for every organisation (a few hundred: read page by page). */
    private Map<Long, String> names() {
        Map<Long, String> names = new HashMap<>();
        OrganisationQuery all = new OrganisationQuery(null, null, null, null);
        for (int page = 0; ; page++) {
            PageResponse<OrganisationSummary> p = partnership.organisations(all,
                    new PageRequest(page, PageResponse.MAX_SIZE));
            p.items().forEach(o -> names.put(o.id(), o.name()));
            if (p.items().size() < PageResponse.MAX_SIZE) {
                return names;
            }
        }
    }

    private void checkScope(String network) {
        if (network != null && (!Actor.require().canRead(network) || partnership.network(network).isEmpty())) {
            throw new RecordNotFoundException("network", network);
        }
    }
}
