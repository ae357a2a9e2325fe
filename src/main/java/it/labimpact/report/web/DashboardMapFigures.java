package it.labimpact.report.web;

import it.labimpact.indicator.Cell;
import it.labimpact.indicator.Dimension;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.partnership.Partnership;
import it.labimpact.report.web.DashboardFigures.Request;
import it.labimpact.report.web.DashboardView.Entry;
import it.labimpact.report.web.DashboardView.Figure;
import it.labimpact.report.web.DashboardView.MapView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's choropleth: participants reached ({@code AMIF-O3}), activities run ({@code P0-ACTIVITIES}) or
 * comuni covered ({@code P1-COMUNI}), from the indicator's {@code COMUNE} breakdown, or each network's total on
 * the comuni it covers.
 */
@Component
class DashboardMapFigures {

    /** Map measures: participants reached, activities run, comuni covered. */
    static final List<String> METRICS = List.of("participants", "activities", "coverage");

    private final Indicators indicators;
    private final Partnership partnership;
    private final DimensionLabels labels;
    private final JsonMapper json = JsonMapper.builder().build();

    DashboardMapFigures(Indicators indicators, Partnership partnership, DimensionLabels labels) {
        this.indicators = indicators;
        this.partnership = partnership;
        this.labels = labels;
    }

    /** The map of the request's measure, per comune or (on the project dashboard) per network. */
    MapView map(IndicatorResult result, DashboardFormat f) {
        Request r = f.request;
        String metric = r.metric() != null && METRICS.contains(r.metric()) ? r.metric() : METRICS.get(0);
        String code = switch (metric) {
            case "activities" -> "P0-ACTIVITIES";
            case "coverage" -> "P1-COMUNI";
            default -> "AMIF-O3";
        };
        boolean byNetwork = r.network() == null && "network".equals(r.mode());
        IndicatorDefinition d = indicators.definition(code);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> areas = new LinkedHashMap<>();
        List<Entry> rows = new ArrayList<>();
        if (byNetwork) {
            Map<String, String> names = labels.networkNames();
            Map<String, Entry> perNetwork = new LinkedHashMap<>();
            for (Cell c : result.byNetwork(code)) {
                Entry e = f.entry(code, c.network(), names.getOrDefault(c.network(), c.network()), Optional.of(c),
                        null, null);
                perNetwork.put(c.network(), e);
                rows.add(e);
            }
            partnership.coverage().forEach((comune, network) -> {
                Entry e = perNetwork.get(network);
                areas.put(comune, area(names.getOrDefault(network, network), e == null ? f.figure(BigDecimal.ZERO)
                        : e.figure()));
            });
        } else {
            List<Cell> cells = result.breakdown(code, r.network(), Dimension.COMUNE);
            Function<String, String> names = labels.of(Dimension.COMUNE, cells.stream().map(Cell::key).toList(),
                    f.locale);
            for (Cell c : cells) {
                Entry e = f.entry(code, c.key(), names.apply(c.key()), Optional.of(c), Dimension.COMUNE, c.key());
                areas.put(c.key(), area(e.label(), e.figure()));
                if (e.figure().suppressed() || e.figure().value().signum() != 0) {
                    rows.add(e);
                }
            }
            if (r.network() != null) {
                List<String> shown = new ArrayList<>(partnership.comuniCoveredBy(r.network()));
                cells.stream().map(Cell::key).filter(k -> !shown.contains(k)).forEach(shown::add);
                data.put("only", shown);
            }
        }
        data.put("mode", byNetwork ? "network" : "comune");
        data.put("areas", areas);
        data.put("unit", d.unit(f.locale));
        data.put("suppressed", f.message("dashboard.map.suppressed"));
        data.put("zero", f.message("dashboard.map.zero"));
        return new MapView(metric, byNetwork ? "network" : "comune", d.label(f.locale), rows,
                rows.stream().anyMatch(e -> e.figure().suppressed()), json.writeValueAsString(data));
    }

    private static Map<String, Object> area(String name, Figure figure) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("n", name);
        a.put("v", figure.value());
        a.put("t", figure.text());
        return a;
    }
}
