package it.labimpact.indicator.web;

import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.IndicatorKind;
import it.labimpact.indicator.IndicatorResult;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.RuleViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The indicator catalogue: every indicator with its definition and counting rule, and one indicator's values. */
@Controller
class IndicatorController {

    private final Indicators indicators;
    private final Partnership partnership;

    IndicatorController(Indicators indicators, Partnership partnership) {
        this.indicators = indicators;
        this.partnership = partnership;
    }

    @GetMapping("/indicators")
    String catalogue(Model model) {
        // the catalogue read once (it was read once per kind: one statement, one connection borrowed, each)
        List<IndicatorDefinition> catalogue = indicators.catalogue();
        Map<IndicatorKind, List<IndicatorDefinition>> byKind = new LinkedHashMap<>();
        for (IndicatorKind kind : IndicatorKind.values()) {
            byKind.put(kind, catalogue.stream().filter(d -> d.kind() == kind).toList());
        }
        model.addAttribute("byKind", byKind);
        model.addAttribute("threshold", indicators.settings().smallCellThreshold());
        return "indicator/catalogue";
    }

    /** One indicator: its definition, and its published values for a period, project and networks. */
    @GetMapping("/indicators/definitions/{code}")
    String definition(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        IndicatorDefinition d = indicators.definition(code);
        Period p;
        try {
            p = period == null || period.isBlank() ? indicators.currentQuarter() : indicators.period(period);
        } catch (RuleViolationException e) {
            model.addAttribute("periodError", e);
            p = indicators.currentQuarter();
        }
        IndicatorResult values = indicators.published(p, null, List.of(code));
        model.addAttribute("indicator", d);
        model.addAttribute("period", p);
        model.addAttribute("periods", indicators.periods());
        model.addAttribute("projectValue", values.total(code, null).orElse(null));
        model.addAttribute("networkValues", values.byNetwork(code));
        model.addAttribute("networkNames", partnership.networks().stream()
                .collect(Collectors.toMap(NetworkSummary::code, NetworkSummary::name)));
        model.addAttribute("threshold", values.suppressionThreshold());
        return "indicator/definition";
    }
}
