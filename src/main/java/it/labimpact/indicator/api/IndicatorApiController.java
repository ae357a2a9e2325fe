package it.labimpact.indicator.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

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

    private static final String CACHING = "The answer carries an ETag and `Cache-Control: private, no-cache`: send"
            + " the ETag back in `If-None-Match` and, while the values have not changed, the answer is `304 Not"
            + " Modified` without a body. Answers are computed once and kept while no record they count changes"
            + " (a saved register, enrolment, assessment or outcome, an activity, an organisation's membership, a"
            + " meeting, agreement or referral changes them at once) and at most"
            + " `labimpact.indicators.api-cache-seconds` (60 s by default); `computedAt` says when. With"
            + " `Accept-Encoding: gzip` the"
            + " answer comes compressed (compressed once per answer kept, with its own ETag).";

    private final Indicators indicators;
    private final ValuesCache cache;
    private final JsonMapper mapper;

    IndicatorApiController(Indicators indicators, ValuesCache cache, JsonMapper mapper) {
        this.indicators = indicators;
        this.cache = cache;
        this.mapper = mapper;
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
            + "CITIZENSHIP, VULNERABILITY; comma-separated) the breakdowns too, for the project and each network",
            description = CACHING)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ValuesJson.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: the ETag given in If-None-Match is current")
    ResponseEntity<byte[]> values(@PathVariable String code, @RequestParam String period,
            @RequestParam(required = false) String network, @RequestParam(required = false) String by,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        indicators.definition(code);
        Period p = indicators.period(period);
        String n = blankToNull(network);
        Set<Dimension> dimensions = dimensions(by);
        return answer(ValuesCache.question(code, p.code(), p.from(), p.to(), n, dimensions, LocalDate.now()), n,
                () -> json(indicators.published(p, n, List.of(code)), dimensions, Set.of(code)), acceptEncoding);
    }

    @GetMapping("/values")
    @Operation(summary = "Every indicator's values for a period, with every breakdown unless by= narrows them",
            description = CACHING)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ValuesJson.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: the ETag given in If-None-Match is current")
    ResponseEntity<byte[]> all(@RequestParam String period, @RequestParam(required = false) String network,
            @RequestParam(required = false) String by,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        Set<Dimension> dimensions = by == null || by.isBlank() ? EnumSet.allOf(Dimension.class) : dimensions(by);
        Period p = indicators.period(period);
        String n = blankToNull(network);
        return answer(ValuesCache.question("*", p.code(), p.from(), p.to(), n, dimensions, LocalDate.now()), n,
                () -> json(indicators.published(p, n), dimensions, null), acceptEncoding);
    }

    /**
     * The serialised answer, from the cache while the data has not changed, with its ETag; Spring answers 304
     * without a body when the request's If-None-Match names that ETag.
     */
    private ResponseEntity<byte[]> answer(String question, String network, Supplier<ValuesJson> compute,
            String acceptEncoding) {
        String version = indicators.dataVersion(network); // checks that the actor may read the network
        ValuesCache.Answer a = cache.answer(question, version, () -> mapper.writeValueAsBytes(compute.get()));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache().cachePrivate()).varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            return ok.eTag(a.gzipEtag()).header(HttpHeaders.CONTENT_ENCODING, "gzip").body(a.gzip());
        }
        return ok.eTag(a.etag()).body(a.body());
    }

    /** Whether an Accept-Encoding header accepts gzip (named, without q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equalsIgnoreCase("gzip")) {
                return !(p.length > 1 && p[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
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
