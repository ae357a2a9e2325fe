package it.labimpact.report.web;

import it.labimpact.directory.DirectoryEditorial;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The project dashboard ({@code /dashboard}, project-wide roles) and a network's dashboard
 * ({@code /dashboard/networks/{code}}, the network's own staff and project-wide roles; 404 for anybody else).
 *
 * <p>Users who may see the records (coordinators and administrators; operators and leads on their own network)
 * get raw values and drill-down links; evaluators and governance get published values, with small cells
 * suppressed. Coordinators may switch to the published values, as shown in public.
 */
@Controller
class DashboardController {

    /** Project to date: what a regional officer compares with the project's targets. */
    static final String DEFAULT_PERIOD = "PTD";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter COMPUTED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Indicators indicators;
    private final DashboardFigures figures;
    private final DimensionLabels labels;
    private final TerritoryCatalogue territory;
    private final FragmentRenderer fragments;
    private final DirectoryEditorial directory;

    DashboardController(Indicators indicators, DashboardFigures figures, DimensionLabels labels,
            TerritoryCatalogue territory, FragmentRenderer fragments, DirectoryEditorial directory) {
        this.fragments = fragments;
        this.directory = directory;
        this.indicators = indicators;
        this.figures = figures;
        this.labels = labels;
        this.territory = territory;
    }

    @GetMapping("/dashboard")
    String project(@RequestParam(required = false) String period, @RequestParam(required = false) String network,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String metric,
            @RequestParam(required = false) String mode, @RequestParam(required = false) boolean published,
            Model model, Locale locale) {
        Actor actor = Actor.require();
        if (!actor.seesWholeProject()) {
            if (actor.networkCode() == null) {
                throw new RecordNotFoundException("dashboard", "project");
            }
            return "redirect:" + UriComponentsBuilder.fromPath("/dashboard/networks/{code}")
                    .queryParamIfPresent("period", Optional.ofNullable(period))
                    .buildAndExpand(actor.networkCode()).encode().toUriString();
        }
        String selected = network == null || network.isBlank() ? null : known(network);
        return render(selected, false, period, indicator, metric, mode, published, model, locale);
    }

    @GetMapping("/dashboard/networks/{code}")
    String network(@PathVariable String code, @RequestParam(required = false) String period,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String metric,
            @RequestParam(required = false) boolean published, Model model, Locale locale) {
        if (!Actor.require().canRead(code)) {
            throw new RecordNotFoundException("network", code);
        }
        return render(known(code), true, period, indicator, metric, "comune", published, model, locale);
    }

    /** Boundaries of every comune of Lombardy for the dashboard's map (public reference data, cached). */
    @GetMapping("/dashboard/comuni.geojson")
    ResponseEntity<String> comuni() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(territory.boundaries(territory.allComuni(new ComuneQuery(null, null, null)).stream()
                        .map(Comune::istatCode).toList()));
    }

    private String render(String network, boolean networkPage, String periodCode, String indicator, String metric,
            String mode, boolean publishedAsked, Model model, Locale locale) {
        Actor actor = Actor.require();
        Period period;
        try {
            period = indicators.period(periodCode == null || periodCode.isBlank() ? DEFAULT_PERIOD : periodCode);
        } catch (RuleViolationException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            period = indicators.period(DEFAULT_PERIOD);
        }
        boolean raw = seesRawValues(actor, network);
        boolean published = !raw || publishedAsked;
        DashboardView view = figures.build(new DashboardFigures.Request(period, network, published, indicator,
                metric, mode, !published), locale);
        model.addAttribute("view", view);
        model.addAttribute("computedAt", COMPUTED_AT.format(view.computedAt().atZone(ROME)));
        model.addAttribute("networkPage", networkPage);
        model.addAttribute("networkName", network == null ? null
                : view.rendered().part("networkName", () -> labels.networkNames().get(network)));
        model.addAttribute("mayChooseValues", raw);
        model.addAttribute("selectedNetwork", network);
        // the figures depend on the view and its language only: rendered once per view built, then reused
        model.addAttribute("figuresHtml", view.rendered().html(() -> fragments.render(
                "report/dashboard-figures :: figures", model.asMap(), locale)));
        // so does the filters' form, per variant of the page (its options: some 90, each a few expressions, were
        // most of the rendering left per request): rendered once per view built and variant
        model.addAttribute("filtersHtml", view.rendered().part("filters/" + networkPage + "/" + raw, () -> {
            model.addAttribute("periods", indicators.periods());
            model.addAttribute("catalogue", indicators.catalogue());
            model.addAttribute("metrics", DashboardMapFigures.METRICS);
            if (!networkPage) {
                model.addAttribute("networks", labels.networkNames());
            }
            return fragments.render("report/dashboard-figures :: filters", model.asMap(), locale);
        }));
        // stale directory entries of the user's own (per user, not kept with the figures)
        directory.staleCountForEditor().ifPresent(n -> model.addAttribute("directoryStale", n));
        return "report/dashboard";
    }

    /**
     * Raw values for users who may see the records behind them: coordinators and administrators, and a network's
     * operators and leads on their own network. Everybody else, evaluators and governance included, sees
     * published values.
     */
    static boolean seesRawValues(Actor actor, String network) {
        return actor.canManageProject() || ((actor.role() == Role.OPERATOR || actor.role() == Role.NETWORK_LEAD)
                && network != null && actor.canRead(network));
    }

    private String known(String code) {
        Map<String, String> names = labels.networkNames();
        if (!names.containsKey(code)) {
            throw new RecordNotFoundException("network", code);
        }
        return code;
    }
}
