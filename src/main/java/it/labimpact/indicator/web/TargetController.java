package it.labimpact.indicator.web;

import it.labimpact.indicator.IndicatorDefinition;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.indicator.Target;
import it.labimpact.indicator.Targets;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.ImportReport;
import it.labimpact.shared.csv.TolerantCsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Targets and baselines: the table of a period (indicators × project and networks), the form of one row, the
 * upload of a spreadsheet and its template. Coordinators and administrators change; network leads see the project's
 * rows and their network's; evaluators and governance read all.
 */
@Controller
class TargetController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Targets targets;
    private final Indicators indicators;
    private final Partnership partnership;
    private final MessageSource messages;

    TargetController(Targets targets, Indicators indicators, Partnership partnership, MessageSource messages) {
        this.targets = targets;
        this.indicators = indicators;
        this.partnership = partnership;
        this.messages = messages;
    }

    /** One line of the table: an indicator for the project ({@code network} null) or a network. */
    record TargetRow(IndicatorDefinition indicator, String network, String networkName, Target target) {
    }

    @GetMapping("/indicators/targets")
    String table(@RequestParam(required = false) String period, Model model) {
        Period p = period(period);
        Actor actor = Actor.require();
        List<NetworkSummary> networks = visibleNetworks(actor);
        Map<String, Target> byKey = new HashMap<>();
        targets.forPeriod(p, actor.seesWholeProject() ? null : Optional.ofNullable(actor.networkCode()).orElse(""))
                .forEach(t -> byKey.put(key(t.indicator(), t.network()), t));
        List<TargetRow> rows = new ArrayList<>();
        for (IndicatorDefinition d : indicators.catalogue()) {
            rows.add(new TargetRow(d, null, null, byKey.get(key(d.code(), null))));
            for (NetworkSummary n : networks) {
                rows.add(new TargetRow(d, n.code(), n.name(), byKey.get(key(d.code(), n.code()))));
            }
        }
        model.addAttribute("periods", indicators.periods());
        model.addAttribute("period", p);
        model.addAttribute("rows", rows);
        model.addAttribute("canEdit", Targets.canEdit(actor));
        return "indicator/targets";
    }

    @GetMapping("/indicators/targets/edit")
    String edit(@RequestParam String period, @RequestParam String indicator,
            @RequestParam(required = false) String network, Model model) {
        Period p = period(period);
        Optional<Target> current = find(indicator, network, p);
        Map<String, String> values = new LinkedHashMap<>();
        current.ifPresent(t -> {
            values.put("target", t.target() == null ? "" : t.target().toPlainString());
            values.put("baseline", t.baseline() == null ? "" : t.baseline().toPlainString());
            values.put("version", Integer.toString(t.version()));
        });
        return form(model, p, indicator, network, current.orElse(null), values, Map.of());
    }

    @PostMapping("/indicators/targets")
    String save(@RequestParam String period, @RequestParam String indicator,
            @RequestParam(required = false) String network, @RequestParam(required = false) String target,
            @RequestParam(required = false) String baseline, @RequestParam(required = false) Integer version,
            Model model, Locale locale, RedirectAttributes redirect) {
        Period p = period(period);
        Map<String, String> errors;
        try {
            targets.setAsTyped(indicator, network, p.code(), target, baseline, version);
            redirect.addFlashAttribute("success", "target.saved");
            return "redirect:" + tableUrl(p);
        } catch (RuleViolationException e) {
            errors = Map.of(e.field() == null ? "_form" : e.field(),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } catch (ConcurrentEditException e) {
            errors = Map.of("_form", messages.getMessage("edit.conflict", null, locale));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("target", target);
        values.put("baseline", baseline);
        values.put("version", version == null ? null : version.toString());
        return form(model, p, indicator, network, find(indicator, network, p).orElse(null), values, errors);
    }

    @PostMapping("/indicators/targets/clear")
    String clear(@RequestParam String period, @RequestParam String indicator,
            @RequestParam(required = false) String network, @RequestParam int version, RedirectAttributes redirect) {
        Period p = period(period);
        try {
            targets.clear(indicator, network, p.code(), version);
            redirect.addFlashAttribute("success", "target.cleared");
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:" + tableUrl(p);
    }

    @PostMapping("/indicators/targets/upload")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String period,
            RedirectAttributes redirect) {
        ImportReport report = targets.upload(TolerantCsv.bytesOf(file));
        redirect.addFlashAttribute("report", report);
        return "redirect:" + tableUrl(period(period)) + "#upload";
    }

    @GetMapping("/indicators/targets/template.xlsx")
    ResponseEntity<byte[]> template(@RequestParam(required = false) String period, Locale locale) {
        Period p = period(period);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("obiettivi-" + p.code() + ".xlsx").build().toString())
                .body(targets.template(p, locale));
    }

    // --- helpers ---

    private String form(Model model, Period period, String indicator, String network, Target current,
            Map<String, String> values, Map<String, String> errors) {
        IndicatorDefinition definition = indicators.catalogue().stream()
                .filter(d -> d.code().equalsIgnoreCase(indicator)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("indicator", indicator));
        String net = network == null || network.isBlank() ? null : network;
        String networkName = null;
        if (net != null) {
            networkName = partnership.network(net).map(NetworkDetail::summary)
                    .filter(n -> Actor.require().canRead(n.code())).map(NetworkSummary::name)
                    .orElseThrow(() -> new RecordNotFoundException("network", net));
        }
        model.addAttribute("period", period);
        model.addAttribute("indicator", definition);
        model.addAttribute("network", net);
        model.addAttribute("networkName", networkName);
        model.addAttribute("current", current);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", Targets.canEdit(Actor.require()));
        return "indicator/target-form";
    }

    private Optional<Target> find(String indicator, String network, Period period) {
        try {
            return targets.find(indicator, network, period.code());
        } catch (RuleViolationException e) {
            throw new RecordNotFoundException("target", indicator);
        }
    }

    private List<NetworkSummary> visibleNetworks(Actor actor) {
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    private Period period(String code) {
        if (code == null || code.isBlank()) {
            return indicators.period(Integer.toString(indicators.currentQuarter().from().getYear()));
        }
        try {
            return indicators.period(code);
        } catch (RuleViolationException e) {
            throw new RecordNotFoundException("period", code);
        }
    }

    private static String tableUrl(Period period) {
        return UriComponentsBuilder.fromPath("/indicators/targets").queryParam("period", period.code()).build()
                .toUriString();
    }

    private static String key(String indicator, String network) {
        return indicator + "|" + (network == null ? "" : network);
    }
}
