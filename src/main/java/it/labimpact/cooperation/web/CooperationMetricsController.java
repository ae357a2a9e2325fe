package it.labimpact.cooperation.web;

import it.labimpact.cooperation.CooperationGraphView;
import it.labimpact.cooperation.CooperationMetrics;
import it.labimpact.cooperation.CooperationNode;
import it.labimpact.cooperation.CooperationTie;
import it.labimpact.cooperation.TieSource;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.OrganisationKind;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cooperation graph (ECharts force layout, drawn by {@code static/js/cooperation-graph.js} from a
 * {@code data-graph} attribute, with the same figures in tables) and the per-network scorecard.
 */
@Controller
class CooperationMetricsController {

    /** A symbol per sector, so that kinds differ by shape as well as by colour. */
    private static final Map<OrganisationKind.Sector, String> SYMBOLS = Map.of(
            OrganisationKind.Sector.PUBLIC_ADMINISTRATION, "circle", OrganisationKind.Sector.THIRD_SECTOR, "rect",
            OrganisationKind.Sector.LABOUR, "triangle", OrganisationKind.Sector.EDUCATION, "diamond",
            OrganisationKind.Sector.SOCIAL_PARTNERS, "roundRect", OrganisationKind.Sector.MIGRANT_ASSOCIATIONS, "pin",
            OrganisationKind.Sector.RESEARCH, "arrow");

    private final CooperationMetrics metrics;
    private final Indicators indicators;
    private final Partnership partnership;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    CooperationMetricsController(CooperationMetrics metrics, Indicators indicators, Partnership partnership,
            MessageSource messages) {
        this.metrics = metrics;
        this.indicators = indicators;
        this.partnership = partnership;
        this.messages = messages;
    }

    @GetMapping("/cooperation/graph")
    String graph(@RequestParam(required = false) String period, @RequestParam(required = false) String network,
            Model model, Locale locale) {
        Period p = period(period);
        String selected = network == null || network.isBlank() ? null : network.strip();
        CooperationGraphView view = metrics.graph(p, selected);
        model.addAttribute("period", p);
        model.addAttribute("periods", indicators.periods());
        model.addAttribute("networks", readableNetworks());
        model.addAttribute("selectedNetwork", selected);
        model.addAttribute("view", view);
        model.addAttribute("baseline", metrics.baseline());
        model.addAttribute("sources", TieSource.values());
        model.addAttribute("graphJson", json.writeValueAsString(chart(view, locale)));
        return "cooperation/graph";
    }

    @GetMapping("/cooperation/scorecard")
    String scorecard(@RequestParam(required = false) String period, Model model) {
        Period p = period(period);
        model.addAttribute("period", p);
        model.addAttribute("periods", indicators.periods());
        model.addAttribute("rows", metrics.scorecard(p));
        model.addAttribute("trend", metrics.trend(null));
        model.addAttribute("baseline", metrics.baseline());
        return "cooperation/scorecard";
    }

    private Period period(String code) {
        return code == null || code.isBlank() ? indicators.periods().get(0) : indicators.period(code);
    }

    private List<NetworkSummary> readableNetworks() {
        Actor actor = Actor.require();
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    /** What the script draws: categories (kinds, with their symbol), nodes and links. */
    private Map<String, Object> chart(CooperationGraphView view, Locale locale) {
        List<String> kinds = view.nodes().stream().map(CooperationNode::kind).filter(k -> k != null).distinct()
                .sorted().toList();
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String kind : kinds) {
            categories.add(Map.of("name", kindLabel(kind, locale), "symbol", symbol(kind)));
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (CooperationNode n : view.nodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", Long.toString(n.organisationId()));
            node.put("name", n.name());
            node.put("category", n.kind() == null ? 0 : kinds.indexOf(n.kind()));
            node.put("symbol", symbol(n.kind()));
            node.put("ties", n.ties());
            node.put("bridge", n.bridge());
            nodes.add(node);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (CooperationTie t : view.ties()) {
            links.add(Map.of("source", Long.toString(t.organisationA()), "target", Long.toString(t.organisationB()),
                    "weight", t.weight(), "label", weights(t, locale)));
        }
        return Map.of("categories", categories, "nodes", nodes, "links", links,
                "bridge", messages.getMessage("coopmetrics.bridge", null, locale),
                "ties", messages.getMessage("coopmetrics.col.ties", null, locale));
    }

    private String weights(CooperationTie t, Locale locale) {
        List<String> parts = new ArrayList<>();
        t.weights().forEach((source, count) -> parts.add(
                messages.getMessage("coopmetrics.source." + source.name(), null, locale) + " " + count));
        return t.nameA() + " – " + t.nameB() + ": " + String.join(", ", parts);
    }

    private String kindLabel(String kind, Locale locale) {
        return messages.getMessage("kind." + kind, null, kind, locale);
    }

    private static String symbol(String kind) {
        try {
            return SYMBOLS.getOrDefault(OrganisationKind.valueOf(kind).sector(), "circle");
        } catch (IllegalArgumentException | NullPointerException e) {
            return "circle";
        }
    }
}
