package it.labimpact.indicator;

import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator module's face: the catalogue, the reporting periods, and the indicator values, always fresh:
 * person indicators and contacts from the {@link IndicatorStore}, brought up to date with every change before
 * each read (no nightly batch), the others computed from the facts the other modules publish.
 *
 * <p>{@link #compute} gives raw values, for the screens of users who may see the network's records;
 * {@link #published} gives the same values with small cells suppressed, for exports, open data and the API.
 */
@Service
public class Indicators {

    private final IndicatorRepository repository;
    private final IndicatorEngine engine;
    private final IndicatorStore store;
    private final ThingsCache things;
    private final IndicatorSettings settings;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    Indicators(IndicatorRepository repository, IndicatorEngine engine, IndicatorStore store, ThingsCache things,
            IndicatorSettings settings) {
        this(repository, engine, store, things, settings, Clock.systemDefaultZone());
    }

    Indicators(IndicatorRepository repository, IndicatorEngine engine, IndicatorStore store, ThingsCache things,
            IndicatorSettings settings, Clock clock) {
        this.repository = repository;
        this.engine = engine;
        this.store = store;
        this.things = things;
        this.settings = settings;
        this.clock = clock;
    }

    /** The active indicators, in catalogue order. */
    public List<IndicatorDefinition> catalogue() {
        return repository.definitions();
    }

    /** One indicator, active or not. */
    public IndicatorDefinition definition(String code) {
        return repository.definition(code).orElseThrow(() -> new RecordNotFoundException("indicator", code));
    }

    public IndicatorSettings settings() {
        return settings;
    }

    /**
     * Reads a period code ({@code 2026-Q3}, {@code 2026}, {@code PTD}).
     *
     * @throws RuleViolationException on field {@code period} for an unknown code or one before the project
     */
    public Period period(String code) {
        try {
            Period p = Period.parse(code, settings.projectStart(), LocalDate.now(clock));
            if (p.to().isBefore(settings.projectStart())) {
                throw new RuleViolationException("period", "indicator.period.beforeProject", code);
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("period", "indicator.period.unknown", String.valueOf(code));
        }
    }

    /** The periods to choose from: project to date, then the years and quarters from the project's start, newest first. */
    public List<Period> periods() {
        LocalDate today = LocalDate.now(clock);
        List<Period> periods = new ArrayList<>();
        periods.add(Period.projectToDate(settings.projectStart(), today));
        for (int y = today.getYear(); y >= settings.projectStart().getYear(); y--) {
            periods.add(Period.year(y));
        }
        for (Period q = Period.quarterOf(today); !q.to().isBefore(settings.projectStart());
                q = Period.quarterOf(q.from().minusDays(1))) {
            periods.add(q);
        }
        return periods;
    }

    /** The current quarter. */
    public Period currentQuarter() {
        return Period.quarterOf(LocalDate.now(clock));
    }

    /**
     * The raw values of every active indicator for a period: the project total and every network's values, or only
     * one network's when {@code network} is given. Raw values are for screens; publish with {@link #publish}.
     *
     * @throws it.labimpact.shared.RecordNotFoundException when the actor may not read {@code network}'s records
     */
    @Transactional // not read-only: the store is brought up to date first
    public IndicatorResult compute(Period period, String network) {
        checkScope(network);
        List<IndicatorDefinition> all = catalogue();
        return new IndicatorResult(period, network, Instant.now(clock),
                engine.compute(all, period, network, settings, stored(all, period)), 0, null);
    }

    /**
     * The version of the indicators' data as {@link #published} would read it now: brings the store up to date and
     * returns its generation, which every change of a participant's facts (a register saved, an enrolment, an
     * assessment...) or of an activity's network, type or dates raises, with the generation of the things' facts
     * ({@link ThingsCache}: activities, organisations, membership, coverage, meetings, agreements, referrals,
     * trainings), which every write to them raises, and a fingerprint of the catalogue (an indicator reworded or
     * pointed at other kinds). Two reads of the same question with the same version give the same values (for the
     * same day: the project to date ends today).
     *
     * @throws RecordNotFoundException when the actor may not read {@code network}'s records
     */
    @Transactional
    public String dataVersion(String network) {
        checkScope(network);
        List<IndicatorDefinition> all = catalogue();
        store.refresh(all, settings);
        return store.generation() + "." + things.generation() + "." + Integer.toHexString(all.hashCode());
    }

    /** Brings the store up to date and says whether it answers for the period. */
    private boolean stored(List<IndicatorDefinition> all, Period period) {
        store.refresh(all, settings);
        return IndicatorStore.answers(period, LocalDate.now(clock));
    }

    /**
     * {@link #compute} for some indicators only (a ratio brings its two components along).
     *
     * @throws RecordNotFoundException for a code not in the catalogue
     */
    @Transactional
    public IndicatorResult compute(Period period, String network, java.util.Collection<String> codes) {
        checkScope(network);
        List<IndicatorDefinition> all = catalogue();
        java.util.Set<String> wanted = new java.util.HashSet<>(codes);
        for (String code : codes) {
            IndicatorDefinition d = all.stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow(() -> new RecordNotFoundException("indicator", code));
            if (d.rule() == CountingRule.RATIO) {
                wanted.addAll(d.parameters());
            }
        }
        return new IndicatorResult(period, network, Instant.now(clock),
                engine.compute(all.stream().filter(d -> wanted.contains(d.code())).toList(), period, network,
                        settings, stored(all, period)), 0, null);
    }

    /** {@link #compute(Period, String, java.util.Collection)} with small cells suppressed. */
    @Transactional
    public IndicatorResult published(Period period, String network, java.util.Collection<String> codes) {
        return publish(compute(period, network, codes));
    }

    /** {@link #compute} with small cells suppressed. */
    @Transactional
    public IndicatorResult published(Period period, String network) {
        return publish(compute(period, network));
    }

    /**
     * The totals of some indicators quarter by quarter, from the project's first quarter to the current one, for the
     * project and every network or for one network; {@code published} suppresses small cells quarter by quarter.
     */
    @Transactional
    public java.util.Map<Period, IndicatorResult> trend(java.util.Collection<String> codes, String network,
            boolean published) {
        checkScope(network);
        List<IndicatorDefinition> all = catalogue();
        java.util.Set<String> wanted = new java.util.HashSet<>(codes);
        all.stream().filter(d -> codes.contains(d.code()) && d.rule() == CountingRule.RATIO)
                .forEach(d -> wanted.addAll(d.parameters()));
        List<IndicatorDefinition> definitions = all.stream().filter(d -> wanted.contains(d.code())).toList();
        Instant now = Instant.now(clock);
        java.util.Map<Period, IndicatorResult> result = new java.util.LinkedHashMap<>();
        Period range = Period.projectToDate(settings.projectStart(), LocalDate.now(clock));
        engine.trend(definitions, range, network, stored(all, range), settings)
                .forEach((quarter, cells) -> result.put(quarter, new IndicatorResult(quarter, network, now,
                        published ? SmallCells.suppress(cells, all, settings.smallCellThreshold()) : cells,
                        published ? settings.smallCellThreshold() : 0, null)));
        return result;
    }

    /** Suppresses the small cells of raw values (primary and secondary suppression, see {@link SmallCells}). */
    public IndicatorResult publish(IndicatorResult raw) {
        if (raw.isSuppressed()) {
            return raw;
        }
        return new IndicatorResult(raw.period(), raw.network(), raw.computedAt(),
                SmallCells.suppress(raw.cells(), catalogue(), settings.smallCellThreshold()),
                settings.smallCellThreshold(), raw.snapshotId());
    }

    /**
     * The records behind a number (drill-down), for a user who may read them: participants by pseudonymous id,
     * activities, organisations or comuni, depending on the indicator.
     *
     * @param network the network, {@code null} for the project (then only a project-wide user may ask)
     * @param dimension the breakdown, {@code null} for the total
     */
    @Transactional
    public List<DrillRecord> records(String indicator, Period period, String network, Dimension dimension,
            String key) {
        IndicatorDefinition d = definition(indicator);
        checkScope(network);
        Actor actor = Actor.require();
        if (network == null && !actor.seesWholeProject()) {
            throw new RecordNotFoundException("network", "project");
        }
        if (d.rule() == CountingRule.PERSONS && stored(catalogue(), period)) {
            return store.records(d, period, network, dimension, key, settings, IndicatorEngine.MAX_RECORDS);
        }
        return engine.records(d, period, network, dimension, key, settings);
    }

    private void checkScope(String network) {
        if (network != null && (!Actor.require().canRead(network) || !repository.networkExists(network))) {
            throw new RecordNotFoundException("network", network);
        }
    }
}
