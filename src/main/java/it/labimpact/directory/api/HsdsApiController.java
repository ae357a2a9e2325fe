package it.labimpact.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.labimpact.directory.HsdsDirectory;
import it.labimpact.directory.PublicLanguage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The public HSDS 3.0 API of the directory: read-only, no login, published entries only, cacheable (ETag and
 * Last-Modified, 304 on a conditional request), rate-limited per client address ({@link HsdsRateLimitFilter}).
 */
@RestController
@RequestMapping(value = "/api/hsds", produces = "application/json")
@Tag(name = "HSDS 3.0 (public directory)", description = HsdsApiController.DESCRIPTION)
@SecurityRequirements
@CrossOrigin(origins = "*", methods = RequestMethod.GET, exposedHeaders = {"ETag", "Last-Modified", "Retry-After"})
class HsdsApiController {

    static final String DESCRIPTION = """
            Open Referral HSDS 3.0 API of the Lab'Impact public directory of services for people with a migrant \
            background in Lombardy: public, read-only, no login; published services only. Required endpoints \
            `/`, `/services`, `/services/{id}`; optional `/organizations`, `/service_at_locations`, `/taxonomies`, \
            `/taxonomy_terms` (each with `/{id}`). Lists are paged HSDS-style: `page` (from 1) and `per_page` \
            (1-100, default 20); the envelope has total_items, total_pages, page_number, size, first_page, \
            last_page, empty and contents. Errors are application/problem+json (unknown id 404, bad paging or \
            parameter 400, too many requests 429 with Retry-After). Responses carry ETag and Last-Modified: send \
            If-None-Match or If-Modified-Since to get 304. Rate limit: a fixed number of requests per minute per \
            client address. \
            EXTENSIONS (HSDS allows extra fields): (1) translations: every endpoint takes `lang` (it, en, fr, es, \
            ar, zh-CN, uk, sq, ur, bn, pa, tl; default it): texts come in that language where a reviewed \
            translation exists, otherwise in Italian; every service, event and taxonomy term carries `lang` (the \
            language asked for) and, when some texts are Italian, `lang_fallback` (the HSDS fields that are). \
            (2) events: `/events` and `/events/{id}` list public events service-shaped (validated against the \
            HSDS service schema) with `starts_at` and `ends_at` (ISO 8601 with offset, Europe/Rome), and a \
            schedule with dtstart/until/count=1. (3) a closure day is a schedule with valid_from = valid_to and \
            `closed`: true. Taxonomy terms are linked to services through `attributes` (HSDS 3.0 style).""";

    private static final int DEFAULT_PER_PAGE = 20;
    private static final int MAX_PER_PAGE = 100;

    private final HsdsDirectory hsds;

    HsdsApiController(HsdsDirectory hsds) {
        this.hsds = hsds;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "API information: HSDS version and profile")
    ResponseEntity<Object> info(WebRequest request) {
        return cached(request, () -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("version", HsdsDirectory.VERSION);
            o.put("profile", "https://docs.openreferral.org/en/3.0/");
            o.put("openapi_url", "/v3/api-docs");
            o.put("languages", java.util.Arrays.stream(PublicLanguage.values()).map(PublicLanguage::tag).toList());
            return o;
        });
    }

    @GetMapping("/services")
    @Operation(summary = "Published services, paged (one-to-one fields; full=true nests everything; minimal=true "
            + "gives id, name, status and last_modified)")
    ResponseEntity<Object> services(WebRequest request, @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "organization_id", required = false) String organizationId,
            @Parameter(description = "ISO 8601 date-time (with offset) or date") @RequestParam(name = "modified_after",
                    required = false) String modifiedAfter,
            @RequestParam(required = false) Boolean minimal, @RequestParam(required = false) Boolean full,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @Parameter(description = "Extension: language of the texts") @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        int p = page(page);
        int pp = perPage(perPage);
        HsdsDirectory.Filters f = new HsdsDirectory.Filters(search, taxonomyTermId, taxonomyId, organizationId,
                instant(modifiedAfter), null);
        return cached(request, () -> envelope(hsds.services(f, l, p, pp, Boolean.TRUE.equals(full),
                Boolean.TRUE.equals(minimal))));
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "One published service, fully nested")
    ResponseEntity<Object> service(WebRequest request, @PathVariable String id,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        return cached(request, () -> hsds.service(id, l));
    }

    @GetMapping("/organizations")
    @Operation(summary = "Organisations that provide published services")
    ResponseEntity<Object> organizations(WebRequest request, @RequestParam(required = false) String search,
            @RequestParam(required = false) Boolean full,
            @RequestParam(name = "full_service", required = false) Boolean fullService,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        int p = page(page);
        int pp = perPage(perPage);
        return cached(request, () -> envelope(hsds.organizations(search, l, p, pp,
                Boolean.TRUE.equals(full) || Boolean.TRUE.equals(fullService))));
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "One organisation with its published services")
    ResponseEntity<Object> organization(WebRequest request, @PathVariable String id,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        return cached(request, () -> hsds.organization(id, l));
    }

    @GetMapping("/service_at_locations")
    @Operation(summary = "Places of published services (service_at_location; full=true nests the location)")
    ResponseEntity<Object> serviceAtLocations(WebRequest request, @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "organization_id", required = false) String organizationId,
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            @RequestParam(required = false) String postcode, @RequestParam(required = false) Boolean full,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        int p = page(page);
        int pp = perPage(perPage);
        HsdsDirectory.Filters f = new HsdsDirectory.Filters(search, taxonomyTermId, taxonomyId, organizationId,
                instant(modifiedAfter), postcode);
        return cached(request, () -> envelope(hsds.serviceAtLocations(f, l, p, pp, Boolean.TRUE.equals(full))));
    }

    @GetMapping("/service_at_locations/{id}")
    @Operation(summary = "One place of a published service, with its location and the service")
    ResponseEntity<Object> serviceAtLocation(WebRequest request, @PathVariable String id,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        return cached(request, () -> hsds.serviceAtLocation(id, l));
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "The taxonomy of the programme's themes")
    ResponseEntity<Object> taxonomies(WebRequest request, @RequestParam(required = false) String search,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        int p = page(page);
        int pp = perPage(perPage);
        return cached(request, () -> envelope(hsds.taxonomies(search, p, pp)));
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "One taxonomy")
    ResponseEntity<Object> taxonomy(WebRequest request, @PathVariable String id) {
        return cached(request, () -> hsds.taxonomy(id));
    }

    @GetMapping("/taxonomy_terms")
    @Operation(summary = "The themes (taxonomy terms), names in the language asked for")
    ResponseEntity<Object> taxonomyTerms(WebRequest request, @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "top_only", required = false) Boolean topOnly,
            @RequestParam(name = "parent_id", required = false) String parentId,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        int p = page(page);
        int pp = perPage(perPage);
        return cached(request, () -> envelope(hsds.taxonomyTerms(search, taxonomyId, parentId, l, p, pp)));
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "One theme")
    ResponseEntity<Object> taxonomyTerm(WebRequest request, @PathVariable String id,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        return cached(request, () -> hsds.taxonomyTerm(id, l));
    }

    @GetMapping("/events")
    @Operation(summary = "Extension: published events, by start, service-shaped with starts_at and ends_at")
    ResponseEntity<Object> events(WebRequest request, @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
            @RequestParam(name = "organization_id", required = false) String organizationId,
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            @RequestParam(required = false) Boolean full,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        int p = page(page);
        int pp = perPage(perPage);
        HsdsDirectory.Filters f = new HsdsDirectory.Filters(search, taxonomyTermId, null, organizationId,
                instant(modifiedAfter), null);
        return cached(request, () -> envelope(hsds.events(f, l, p, pp, Boolean.TRUE.equals(full))));
    }

    @GetMapping("/events/{id}")
    @Operation(summary = "Extension: one published event, fully nested")
    ResponseEntity<Object> event(WebRequest request, @PathVariable String id,
            @RequestParam(required = false) String lang) {
        PublicLanguage l = language(lang);
        return cached(request, () -> hsds.event(id, l));
    }

    // --- helpers ---

    /** 304 when the client's copy is current; otherwise the body, with validators and a short public max-age. */
    private ResponseEntity<Object> cached(WebRequest request, Supplier<Object> body) {
        HsdsDirectory.Freshness f = hsds.freshness();
        long lastModified = f.lastModified().toEpochMilli() / 1000 * 1000;
        CacheControl cache = CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic();
        if (request.checkNotModified(f.etag(), lastModified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(f.etag()).lastModified(lastModified)
                    .cacheControl(cache).build();
        }
        return ResponseEntity.ok().eTag(f.etag()).lastModified(lastModified).cacheControl(cache)
                .body(body.get());
    }

    /** The HSDS paging envelope (openapi.json, components.schemas.Page) around a page's contents. */
    private static Map<String, Object> envelope(HsdsDirectory.Page page) {
        Map<String, Object> o = new LinkedHashMap<>();
        long totalPages = page.totalItems() == 0 ? 0 : (page.totalItems() + page.perPage() - 1) / page.perPage();
        o.put("total_items", page.totalItems());
        o.put("total_pages", totalPages);
        o.put("page_number", page.page());
        o.put("size", page.contents().size());
        o.put("first_page", page.page() == 1);
        o.put("last_page", page.page() >= totalPages);
        o.put("empty", page.contents().isEmpty());
        o.put("contents", page.contents());
        return o;
    }

    private static int page(Integer value) {
        return integer("page", value, 1, 1, Integer.MAX_VALUE / MAX_PER_PAGE);
    }

    private static int perPage(Integer value) {
        return integer("per_page", value, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    }

    /** A paging number within bounds; not a number at all is answered 400 by the shared problem handler. */
    private static int integer(String name, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw badRequest("'" + name + "' must be a whole number from " + min + " to " + max + ".");
        }
        return value;
    }

    private static PublicLanguage language(String tag) {
        if (tag == null || tag.isBlank()) {
            return PublicLanguage.IT;
        }
        return PublicLanguage.of(tag).orElseThrow(() -> badRequest("'lang' must be one of "
                + String.join(", ", java.util.Arrays.stream(PublicLanguage.values()).map(PublicLanguage::tag)
                        .toList()) + "."));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(java.time.ZoneId.of("Europe/Rome")).toInstant();
            } catch (DateTimeParseException e2) {
                throw badRequest("'modified_after' must be an ISO 8601 date-time with offset or a date.");
            }
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad Request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
