package it.labimpact.report;

import it.labimpact.indicator.Cell;
import it.labimpact.indicator.Dimension;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.IndicatorKind;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.indicator.Target;
import it.labimpact.indicator.Targets;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.export.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Reports on the indicators, for the report pages and exports: who may ask for which network, the indicators
 * against their targets with small cells suppressed, and the tables the exports write.
 *
 * <p>Scope: project-wide users (coordinator, administrator, evaluator, governance) may ask for any network or for
 * the whole project. A network lead gets their own network only: asking for no network gives their network; any
 * other network, the project as a whole or the fund's annual report answers "not found", as records they may not
 * see do. The project report lists every network's totals, which are not the lead's to see.
 */
@Service
public class Reports {

    /** What a suppressed cell shows, in the exports and reports (the note under each table says why). */
    private static final String SUPPRESSED_KEY = "report.suppressed.marker";

    private static final Set<IndicatorKind> FUND = EnumSet.of(IndicatorKind.AMIF_OUTPUT, IndicatorKind.AMIF_RESULT);

    private final Indicators indicators;
    private final Targets targets;
    private final Partnership partnership;
    private final BreakdownLabels labels;
    private final MessageSource messages;

    Reports(Indicators indicators, Targets targets, Partnership partnership, BreakdownLabels labels,
            MessageSource messages) {
        this.indicators = indicators;
        this.targets = targets;
        this.partnership = partnership;
        this.labels = labels;
        this.messages = messages;
    }

    /**
     * The network a report covers for the current actor: the one asked for ({@code null} or blank = the project),
     * or the lead's own network.
     *
     * @throws RecordNotFoundException for a network the actor may not report on, or an unknown one
     */
    public String network(String requested) {
        Actor actor = Actor.require();
        String network = requested == null || requested.isBlank() ? null : requested.trim();
        if (!actor.seesWholeProject()) {
            if (network == null) {
                network = actor.networkCode();
            }
            if (network == null || !actor.canRead(network)) {
                throw new RecordNotFoundException("network", String.valueOf(requested));
            }
        }
        if (network != null && partnership.network(network).isEmpty()) {
            throw new RecordNotFoundException("network", network);
        }
        return network;
    }

    /** The fund's annual report covers the whole project: project-wide users only. */
    public void requireWholeProject() {
        if (!Actor.require().seesWholeProject()) {
            throw new RecordNotFoundException("report", "project");
        }
    }

    /** The networks the current actor may report on. */
    public List<NetworkSummary> networks() {
        Actor actor = Actor.require();
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    /** The periods to choose from (project to date, years, quarters). */
    public List<Period> periods() {
        return indicators.periods();
    }

    /** Reads a period code; a bad one is a rule violation on the field {@code period}. */
    public Period period(String code) {
        return indicators.period(code == null || code.isBlank() ? indicators.currentQuarter().code() : code);
    }

    /** Every active indicator of the period for a network (or the project), suppressed, against its targets. */
    public IndicatorReport indicators(Period period, String network) {
        return build(indicators.published(period, network), network, d -> true);
    }

    /** The fund's indicators (AMIF outputs and results) of the period for the whole project, suppressed. */
    public IndicatorReport fundIndicators(Period period) {
        List<String> codes = indicators.catalogue().stream().filter(d -> FUND.contains(d.kind()))
                .map(IndicatorDefinition::code).toList();
        return build(indicators.published(period, null, codes), null, d -> FUND.contains(d.kind()));
    }

    private IndicatorReport build(IndicatorResult result, String network, Predicate<IndicatorDefinition> which) {
        Map<String, Target> goals = targets.forPeriod(result.period(), network).stream()
                .filter(t -> Objects.equals(t.network(), network))
                .collect(Collectors.toMap(Target::indicator, t -> t, (a, b) -> a));
        List<IndicatorReport.Line> lines = new ArrayList<>();
        for (IndicatorDefinition d : indicators.catalogue()) {
            if (!which.test(d)) {
                continue;
            }
            Cell total = result.total(d.code(), network).orElse(null);
            boolean suppressed = total != null && total.suppressed();
            BigDecimal value = suppressed ? null : total == null || total.value() == null ? BigDecimal.ZERO
                    : total.value();
            Target goal = goals.get(d.code());
            lines.add(new IndicatorReport.Line(d, value, suppressed, goal == null ? null : goal.target(),
                    goal == null ? null : goal.baseline(), breakdown(result, d.code(), network)));
        }
        String name = network == null ? null
                : partnership.network(network).map(n -> n.summary().name()).orElse(network);
        return new IndicatorReport(result.period(), network, name, result.computedAt(),
                result.suppressionThreshold(), result.snapshotId(), lines);
    }

    /**
     * The breakdown cells of an indicator, by dimension then key. For the project, the networks' totals stand as
     * the {@code NETWORK} breakdown when the values carry no such breakdown of their own.
     */
    private static List<Cell> breakdown(IndicatorResult result, String indicator, String network) {
        List<Cell> cells = new ArrayList<>(result.cells().stream()
                .filter(c -> c.indicator().equals(indicator) && !c.isTotal()
                        && Objects.equals(c.network(), network))
                .toList());
        if (network == null && cells.stream().noneMatch(c -> c.dimension() == Dimension.NETWORK)) {
            for (Cell c : result.byNetwork(indicator)) {
                cells.add(new Cell(indicator, null, Dimension.NETWORK, c.network(), c.value(), c.suppressed()));
            }
        }
        cells.sort(Comparator.comparing(Cell::dimension).thenComparing(Cell::key, Comparator.nullsFirst(
                Comparator.naturalOrder())));
        return cells;
    }

    /**
     * The indicator table as exported: one total row per indicator followed by its breakdown rows, with the
     * target, baseline and share of the target on the total row; suppressed cells show the marker, explained in
     * the notes under the table.
     */
    public Table indicatorTable(IndicatorReport report, Locale locale) {
        String marker = msg(SUPPRESSED_KEY, locale);
        Function<Cell, String> label = labels.forCells(allCells(report), locale);
        Table.Builder table = Table.named(msg("report.export.sheet.indicators", locale),
                msg("report.col.code", locale), msg("report.col.indicator", locale), msg("report.col.unit", locale),
                msg("report.col.dimension", locale), msg("report.col.key", locale), msg("report.col.label", locale),
                msg("report.col.value", locale), msg("report.col.target", locale),
                msg("report.col.baseline", locale), msg("report.col.percent", locale));
        for (IndicatorReport.Line line : report.lines()) {
            IndicatorDefinition d = line.definition();
            table.row(d.code(), d.label(locale), d.unit(locale), msg("report.total", locale), null, null,
                    line.suppressed() ? marker : line.value(), line.target(), line.baseline(),
                    line.percentOfTarget());
            for (Cell c : line.breakdown()) {
                table.row(d.code(), d.label(locale), d.unit(locale), dimension(c.dimension(), locale), c.key(),
                        label.apply(c), shown(c, marker), null, null, null);
            }
        }
        return notes(table, report, locale).build();
    }

    /** The fund's annual report: a summary sheet (one row per indicator) and a long sheet of every breakdown. */
    public List<Table> annualTables(IndicatorReport report, Locale locale) {
        String marker = msg(SUPPRESSED_KEY, locale);
        Table.Builder summary = Table.named(msg("report.export.sheet.summary", locale),
                msg("report.col.code", locale), msg("report.col.fundReference", locale),
                msg("report.col.kind", locale), msg("report.col.indicator", locale), msg("report.col.unit", locale),
                msg("report.col.value", locale), msg("report.col.target", locale), msg("report.col.percent", locale));
        Function<Cell, String> label = labels.forCells(allCells(report), locale);
        Table.Builder breakdowns = Table.named(msg("report.export.sheet.breakdowns", locale),
                msg("report.col.code", locale), msg("report.col.indicator", locale),
                msg("report.col.dimension", locale), msg("report.col.key", locale), msg("report.col.label", locale),
                msg("report.col.value", locale));
        for (IndicatorReport.Line line : report.lines()) {
            IndicatorDefinition d = line.definition();
            summary.row(d.code(), d.fundReference(), msg("report.kind." + d.kind().name(), locale), d.label(locale),
                    d.unit(locale), line.suppressed() ? marker : line.value(), line.target(), line.percentOfTarget());
            breakdowns.row(d.code(), d.label(locale), msg("report.total", locale), null, null,
                    line.suppressed() ? marker : line.value());
            for (Cell c : line.breakdown()) {
                breakdowns.row(d.code(), d.label(locale), dimension(c.dimension(), locale), c.key(), label.apply(c),
                        shown(c, marker));
            }
        }
        return List.of(notes(summary, report, locale).build(), notes(breakdowns, report, locale).build());
    }

    private Table.Builder notes(Table.Builder table, IndicatorReport report, Locale locale) {
        String scope = report.network() == null ? msg("report.scope.project", locale) : report.networkName();
        return table.note(msg("report.export.note.scope", locale, report.period().label(locale), scope))
                .note(msg(report.approved() ? "report.status.approved" : "report.status.provisional", locale))
                .note(msg("report.export.note.suppressed", locale, msg(SUPPRESSED_KEY, locale), report.threshold()))
                .note(msg("report.export.note.networks", locale));
    }

    private static List<Cell> allCells(IndicatorReport report) {
        return report.lines().stream().flatMap(l -> l.breakdown().stream()).toList();
    }

    /** A cell's value as exported: the marker when suppressed, zero when nothing counted. */
    private static Object shown(Cell c, String marker) {
        return c.suppressed() ? marker : c.value() == null ? BigDecimal.ZERO : c.value();
    }

    /** The label of a breakdown dimension. */
    public String dimension(Dimension dimension, Locale locale) {
        return msg("report.dimension." + dimension.name(), locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
