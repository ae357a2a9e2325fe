package it.labimpact.cooperation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.cooperation.CooperationFigures;
import it.labimpact.cooperation.CooperationGraphView;
import it.labimpact.cooperation.CooperationMetrics;
import it.labimpact.cooperation.CooperationTrendPoint;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cooperation metrics and graph of a network or of the project for a period ({@code 2026-Q3}, {@code 2026},
 * {@code PTD}, the default). Any logged-in user reads the project's; a network's only its staff and project-wide
 * roles (404 otherwise, and for an unknown network); an unknown period is 422.
 */
@RestController
@RequestMapping("/api/v1/cooperation")
@Tag(name = "Cooperation metrics", description = "Ties between organisations: metrics, trend and graph")
class CooperationMetricsApiController {

    /** The metrics of a period, with the active and new ties quarter by quarter since the baseline. */
    record MetricsResponse(String period, String baseline, CooperationFigures figures,
            List<CooperationTrendPoint> trend) {
    }

    private final CooperationMetrics metrics;
    private final Indicators indicators;

    CooperationMetricsApiController(CooperationMetrics metrics, Indicators indicators) {
        this.metrics = metrics;
        this.indicators = indicators;
    }

    @GetMapping("/metrics")
    @Operation(summary = "Active ties, new ties since the baseline, density, cross-sector share, bridges, isolates,"
            + " and the trend by quarter")
    MetricsResponse metrics(@RequestParam(defaultValue = "PTD") String period,
            @RequestParam(required = false) String network) {
        Period p = indicators.period(period);
        String n = blankToNull(network);
        return new MetricsResponse(p.code(), metrics.baseline().code(), metrics.figures(p, n), metrics.trend(n));
    }

    @GetMapping("/graph")
    @Operation(summary = "The graph: organisations (kind, ties, bridge, isolate) and ties weighted by source")
    CooperationGraphView graph(@RequestParam(defaultValue = "PTD") String period,
            @RequestParam(required = false) String network) {
        return metrics.graph(indicators.period(period), blankToNull(network));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
