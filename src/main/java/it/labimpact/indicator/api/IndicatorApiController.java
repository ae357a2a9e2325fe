package it.labimpact.indicator.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.indicator.Cell;
import it.labimpact.indicator.Dimension;
import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicator catalogue and the indicators' values. Values are always published values: cells counting fewer
 * persons than the small-cell threshold come as {@code "suppressed": true} without a value.
 */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "AMIF and project indicators: catalogue and values by period and network")
class IndicatorApiController {

    /** One indicator of the catalogue. */
    record IndicatorJson(String code, String kind, String fundReference, String objective, String action,
            Map<String, String> label, Map<String, String> unit, Map<String, String> definition, String rule,
            Set<Dimension> breakdowns) {

        static IndicatorJson of(IndicatorDefinition d) {
            return new IndicatorJson(d.code(), d.kind().name(), d.fundReference(), d.objective(), d.action(),
                    Map.of("it", d.labelIt(), "en", d.labelEn()), Map.of("it", d.unitIt(), "en", d.unitEn()),
                    Map.of("it", d.definitionIt(), "en", d.definitionEn()), d.rule().name(), d.breakdowns());
        }
    }

    /** A period as the API names it. */
    record PeriodJson(String code, LocalDate from, LocalDate to) {
        static PeriodJson of(Period p) {
            return new PeriodJson(p.code(), p.from(), p.to());
        }
    }

    /** One value: {@code network} null for the project, {@code dimension} and {@code key} null for a total. */
    record ValueJson(String indicator, String network, Dimension dimension, String key, BigDecimal value,
            boolean suppressed) {
        static ValueJson of(Cell c) {
            return new ValueJson(c.indicator(), c.network(), c.dimension(), c.key(), c.value(), c.suppressed());
        }
    }

    /** The values of one period. */
    record ValuesJson(PeriodJson period, String network, Instant computedAt, int smallCellThreshold,
            List<ValueJson> values) {
    }

    private final Indicators indicators;

    IndicatorApiController(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    @Operation(summary = "The indicator catalogue, with definitions and counting rules in Italian and English")
    PageResponse<IndicatorJson> catalogue() {
        List<IndicatorJson> items = indicators.catalogue().stream().map(IndicatorJson::of).toList();
        return new PageResponse<>(items, 0, items.size(), items.size());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One indicator of the catalogue")
    IndicatorJson indicator(@PathVariable String code) {
        return IndicatorJson.of(indicators.definition(code));
    }

    @GetMapping("/{code}/values")
    @Operation(summary = "An indicator's values for a period (2026-Q3, 2026 or PTD): the project total and the "
            + "networks' totals, or one network's; with by=SEX (or ACTION, ACTIVITY_TYPE, PROVINCE, COMUNE, AGE_BAND, "
            + "CITIZENSHIP, VULNERABILITY; comma-separated) the breakdowns too, for the project and each network")
    ValuesJson values(@PathVariable String code, @RequestParam String period,
            @RequestParam(required = false) String network, @RequestParam(required = false) String by) {
        indicators.definition(code);
        return json(indicators.published(indicators.period(period), blankToNull(network), List.of(code)),
                dimensions(by), Set.of(code));
    }

    @GetMapping("/values")
    @Operation(summary = "Every indicator's values for a period, with every breakdown unless by= narrows them")
    ValuesJson all(@RequestParam String period, @RequestParam(required = false) String network,
            @RequestParam(required = false) String by) {
        Set<Dimension> dimensions = by == null || by.isBlank() ? EnumSet.allOf(Dimension.class) : dimensions(by);
        return json(indicators.published(indicators.period(period), blankToNull(network)), dimensions, null);
    }

    private static ValuesJson json(IndicatorResult r, Set<Dimension> dimensions, Set<String> codes) {
        List<ValueJson> values = r.cells().stream()
                .filter(c -> codes == null || codes.contains(c.indicator()))
                .filter(c -> c.dimension() == null || dimensions.contains(c.dimension()))
                .map(ValueJson::of).toList();
        return new ValuesJson(PeriodJson.of(r.period()), r.network(), r.computedAt(), r.suppressionThreshold(),
                values);
    }

    private static Set<Dimension> dimensions(String by) {
        Set<Dimension> set = EnumSet.noneOf(Dimension.class);
        if (by == null || by.isBlank()) {
            return set;
        }
        for (String part : by.split(",")) {
            try {
                set.add(Dimension.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new RuleViolationException("by", "indicator.by.unknown", part.trim());
            }
        }
        return set;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
