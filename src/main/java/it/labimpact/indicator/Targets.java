package it.labimpact.indicator;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.ImportReport;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets and baselines per indicator, network and period ({@code indicator_target}). Coordinators and
 * administrators set and clear them, one at a time (with the version read) or by uploading a spreadsheet (all or
 * nothing); every change is audited.
 */
@Service
@Transactional
public class Targets {

    private final JdbcClient jdbc;
    private final TargetRepository repository;
    private final Indicators indicators;
    private final Partnership partnership;
    private final TargetImports imports;
    private final AuditTrail audit;

    Targets(JdbcClient jdbc, TargetRepository repository, Indicators indicators, Partnership partnership,
            TargetImports imports, AuditTrail audit) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.indicators = indicators;
        this.partnership = partnership;
        this.imports = imports;
        this.audit = audit;
    }

    /**
     * The targets of a period: the project's ({@code network} null) and every network's, or the project's and one
     * network's when {@code network} is given.
     */
    @Transactional(readOnly = true)
    public List<Target> forPeriod(Period period, String network) {
        return jdbc.sql("""
                        select id, indicator_code, network_code, period_code, target, baseline, version
                        from indicator_target
                        where period_code = :period and (cast(:network as text) is null or network_code is null
                              or network_code = :network)
                        order by indicator_code, network_code nulls first""")
                .param("period", period.code()).param("network", network)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7)))
                .list();
    }

    /** The target of an indicator for a network ({@code null}: the project) and period, if set. */
    @Transactional(readOnly = true)
    public Optional<Target> find(String indicator, String network, String periodCode) {
        return repository.find(indicator, blankToNull(network), indicators.period(periodCode).code());
    }

    /** Whether the actor may set targets (coordinators and administrators). */
    public static boolean canEdit(Actor actor) {
        return actor.canManageProject();
    }

    /**
     * Sets the target and baseline of an indicator for a network ({@code null}: the project) and period; at least
     * one of the two is given.
     *
     * @param version the version read, {@code null} when no target was set
     * @throws RuleViolationException for an unknown indicator, network or period, a negative value or none
     * @throws ConcurrentEditException when someone else changed it since it was read
     */
    public Target set(String indicator, String network, String periodCode, BigDecimal target, BigDecimal baseline,
            Integer version) {
        Actor actor = editor();
        Key key = key(indicator, network, periodCode);
        BigDecimal t = TargetValues.check("target", target);
        BigDecimal b = TargetValues.check("baseline", baseline);
        if (t == null && b == null) {
            throw new RuleViolationException("target", "target.empty");
        }
        Optional<Target> current = repository.find(key.indicator(), key.network(), key.period());
        if (current.isEmpty()) {
            if (version != null) {
                throw new ConcurrentEditException("target", key);
            }
            repository.insert(key.indicator(), key.network(), key.period(), t, b, actor.username())
                    .orElseThrow(() -> new ConcurrentEditException("target", key));
        } else if (version == null
                || repository.update(current.get().id(), version, t, b, actor.username()) == 0) {
            throw new ConcurrentEditException("target", current.get().id());
        }
        Target saved = repository.find(key.indicator(), key.network(), key.period()).orElseThrow();
        Map<String, Object> details = details(key);
        details.put("target", t == null ? null : t.toPlainString());
        details.put("baseline", b == null ? null : b.toPlainString());
        audit.record("indicator.target.set", "indicator_target", saved.id(), details);
        return saved;
    }

    /**
     * {@link #set} with the values as typed in a form: blank for none, a decimal comma or point.
     *
     * @throws RuleViolationException on field {@code target} or {@code baseline} for a value that is not a number
     */
    public Target setAsTyped(String indicator, String network, String periodCode, String target, String baseline,
            Integer version) {
        editor();
        return set(indicator, network, periodCode, TargetValues.parse("target", target),
                TargetValues.parse("baseline", baseline), version);
    }

    /** Removes the target and baseline of an indicator for a network ({@code null}: the project) and period. */
    public void clear(String indicator, String network, String periodCode, int version) {
        editor();
        Key key = key(indicator, network, periodCode);
        Target current = repository.find(key.indicator(), key.network(), key.period())
                .orElseThrow(() -> new RecordNotFoundException("target", key));
        if (repository.delete(current.id(), version) == 0) {
            throw new ConcurrentEditException("target", current.id());
        }
        audit.record("indicator.target.clear", "indicator_target", current.id(), details(key));
    }

    /**
     * Sets targets from an XLSX or CSV file (one row per indicator, network and period), all or nothing, with a
     * report row by row. A row sets both values (an empty cell clears one); rows already holding the same values
     * change nothing, so the same file uploaded twice applies nothing the second time.
     */
    public ImportReport upload(byte[] file) {
        Actor actor = editor();
        ImportReport report = imports.apply(file, actor.username());
        if (report.committed()) {
            audit.record("indicator.target.import", "indicator_target", null,
                    Map.of("rowsRead", report.rowsRead(), "rowsApplied", report.rowsApplied()));
        }
        return report;
    }

    /** An XLSX template: the columns, the period's current targets, and the codes to choose from. */
    @Transactional(readOnly = true)
    public byte[] template(Period period, Locale locale) {
        return TargetTemplate.write(indicators.catalogue(), partnership.networks(), forPeriod(period, null),
                period, locale);
    }

    // --- helpers ---

    /** The identity of a target, checked. */
    record Key(String indicator, String network, String period) {
        @Override
        public String toString() {
            return indicator + "/" + (network == null ? "project" : network) + "/" + period;
        }
    }

    private Key key(String indicator, String network, String periodCode) {
        String code = indicator == null ? "" : indicator.strip().toUpperCase(Locale.ROOT);
        if (indicators.catalogue().stream().noneMatch(d -> d.code().equals(code))) {
            throw new RuleViolationException("indicator", "target.indicator.unknown", code);
        }
        String net = blankToNull(network);
        if (net != null && partnership.network(net).isEmpty()) {
            throw new RuleViolationException("network", "target.network.unknown", net);
        }
        return new Key(code, net, indicators.period(periodCode).code());
    }

    private static Actor editor() {
        Actor actor = Actor.require();
        if (!canEdit(actor)) {
            throw new AccessDeniedException("Only the coordination sets targets");
        }
        return actor;
    }

    private static Map<String, Object> details(Key key) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("indicator", key.indicator());
        details.put("network", key.network());
        details.put("period", key.period());
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
