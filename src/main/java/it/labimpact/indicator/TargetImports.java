package it.labimpact.indicator;

import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.CsvUpload;
import it.labimpact.shared.csv.ImportReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads an upload of targets (XLSX, or CSV read tolerantly), checks every row and applies them all or none.
 * Columns are matched by their Italian or English header: indicatore/indicator, rete/network (a network code;
 * empty or absent: the project), periodo/period, obiettivo/target, baseline.
 */
@Component
class TargetImports {

    static final String[] INDICATOR = {"indicatore", "indicator", "codice indicatore", "indicator code"};
    static final String[] NETWORK = {"rete", "network", "codice rete", "network code"};
    static final String[] PERIOD = {"periodo", "period"};
    static final String[] TARGET = {"obiettivo", "target", "valore obiettivo"};
    static final String[] BASELINE = {"baseline", "valore di partenza", "base"};

    private final TargetRepository repository;
    private final Indicators indicators;
    private final Partnership partnership;

    TargetImports(TargetRepository repository, Indicators indicators, Partnership partnership) {
        this.repository = repository;
        this.indicators = indicators;
        this.partnership = partnership;
    }

    /** A row that passed every check. */
    private record Row(int line, String indicator, String network, String period, BigDecimal target,
            BigDecimal baseline) {
    }

    ImportReport apply(byte[] file, String actor) {
        CsvUpload upload = XlsxTable.isSpreadsheet(file) ? XlsxTable.open(file, INDICATOR, PERIOD)
                : CsvUpload.open(file, INDICATOR, PERIOD);
        if (upload.rejected()) {
            return upload.rejection();
        }
        CsvTable table = upload.table();
        ImportReport.Builder report = new ImportReport.Builder();
        if (table.column(TARGET).isEmpty() && table.column(BASELINE).isEmpty()) {
            report.problem(0, TARGET[0], null, "import.missingColumn", TARGET[0], String.join(", ", TARGET));
            return report.rejected(table.rows().size());
        }
        Set<String> catalogue = indicators.catalogue().stream().map(IndicatorDefinition::code)
                .collect(Collectors.toSet());
        Set<String> networks = partnership.networks().stream().map(NetworkSummary::code).collect(Collectors.toSet());
        Map<String, Integer> firstLine = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String indicator = row.get(INDICATOR).map(s -> s.toUpperCase(Locale.ROOT)).orElse(null);
            String network = row.get(NETWORK).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
            String periodCode = null;
            BigDecimal target = null;
            BigDecimal baseline = null;
            boolean ok = true;
            if (indicator == null) {
                ok = problem(report, row.line(), INDICATOR[0], null, "import.required");
            } else if (!catalogue.contains(indicator)) {
                ok = problem(report, row.line(), INDICATOR[0], indicator, "target.indicator.unknown", indicator);
            }
            if (network != null && !networks.contains(network)) {
                ok = problem(report, row.line(), NETWORK[0], network, "target.network.unknown", network);
            }
            String rawPeriod = row.get(PERIOD).orElse(null);
            try {
                periodCode = indicators.period(rawPeriod).code();
            } catch (RuleViolationException e) {
                ok = problem(report, row.line(), PERIOD[0], rawPeriod, e.messageKey(), e.args());
            }
            String rawTarget = row.get(TARGET).orElse(null);
            String rawBaseline = row.get(BASELINE).orElse(null);
            try {
                target = TargetValues.parse(TARGET[0], rawTarget);
            } catch (RuleViolationException e) {
                ok = problem(report, row.line(), TARGET[0], rawTarget, e.messageKey(), e.args());
            }
            try {
                baseline = TargetValues.parse(BASELINE[0], rawBaseline);
            } catch (RuleViolationException e) {
                ok = problem(report, row.line(), BASELINE[0], rawBaseline, e.messageKey(), e.args());
            }
            if (rawTarget == null && rawBaseline == null) {
                ok = problem(report, row.line(), TARGET[0], null, "target.empty");
            }
            if (!ok) {
                continue;
            }
            String key = indicator + "|" + network + "|" + periodCode;
            Integer first = firstLine.putIfAbsent(key, row.line());
            if (first != null) {
                problem(report, row.line(), INDICATOR[0], indicator, "target.import.duplicate", first);
                continue;
            }
            rows.add(new Row(row.line(), indicator, network, periodCode, target, baseline));
        }
        if (report.hasProblems()) {
            return report.rejected(table.rows().size());
        }
        int applied = 0;
        for (Row r : rows) {
            applied += repository.upsert(r.indicator(), r.network(), r.period(), r.target(), r.baseline(), actor);
        }
        return report.committed(table.rows().size(), applied);
    }

    private static boolean problem(ImportReport.Builder report, int line, String column, String value, String key,
            Object... args) {
        report.problem(line, column, value, key, args);
        return false;
    }
}
