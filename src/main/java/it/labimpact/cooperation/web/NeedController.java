package it.labimpact.cooperation.web;

import it.labimpact.cooperation.NeedBoard;
import it.labimpact.cooperation.NeedData;
import it.labimpact.cooperation.NeedQuarter;
import it.labimpact.cooperation.NeedQuery;
import it.labimpact.cooperation.NeedRaiserKind;
import it.labimpact.cooperation.NeedRegistry;
import it.labimpact.cooperation.NeedStatus;
import it.labimpact.cooperation.NeedStatusUpdate;
import it.labimpact.cooperation.NeedTheme;
import it.labimpact.cooperation.NeedView;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.forms.FormErrors;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Needs from the territory: the list, recording one, one need with its response, and the board. */
@Controller
class NeedController {

    private final NeedRegistry needs;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final MessageSource messages;
    private final Validator validator;
    private final JsonMapper json = JsonMapper.builder().build();

    NeedController(NeedRegistry needs, Partnership partnership, TerritoryCatalogue territory, MessageSource messages,
            Validator validator) {
        this.needs = needs;
        this.partnership = partnership;
        this.territory = territory;
        this.messages = messages;
        this.validator = validator;
    }

    @ModelAttribute("themes")
    NeedTheme[] themes() {
        return NeedTheme.values();
    }

    @ModelAttribute("statuses")
    NeedStatus[] statuses() {
        return NeedStatus.values();
    }

    @GetMapping("/needs")
    String list(@RequestParam(required = false) String network, @RequestParam(required = false) NeedTheme theme,
            @RequestParam(required = false) NeedStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        NeedQuery query = new NeedQuery(network, theme, status, from, to);
        model.addAttribute("result", needs.needs(query, new PageRequest(page, 25)));
        model.addAttribute("query", query);
        model.addAttribute("networks", needs.readableNetworks());
        model.addAttribute("canSeeBoard", NeedRegistry.canSeeBoard(Actor.require()));
        return "training/needs";
    }

    @GetMapping("/needs/new")
    String newForm(Model model) {
        Actor actor = Actor.require();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("networkCode", actor.seesWholeProject() ? "" : actor.networkCode());
        values.put("raisedOn", LocalDate.now().toString());
        return form(model, values, Map.of());
    }

    @PostMapping("/needs")
    String create(@Valid @ModelAttribute("form") NeedData form, BindingResult binding, HttpServletRequest request,
            Model model, Locale locale, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, typed(request),
                    FormErrors.of(binding, NeedData.class, request, validator, messages, locale));
        }
        try {
            long id = needs.record(form);
            redirect.addFlashAttribute("success", "need.saved");
            return "redirect:/needs/" + id;
        } catch (RuleViolationException e) {
            return form(model, typed(request), FormErrors.of(e, messages, locale));
        }
    }

    @GetMapping("/needs/{id}")
    String detail(@PathVariable long id, Model model) {
        NeedView need = needs.need(id);
        return detailPage(model, need, Map.of("status", need.status().name(),
                "response", need.response() == null ? "" : need.response()), Map.of());
    }

    @PostMapping("/needs/{id}/status")
    String changeStatus(@PathVariable long id, @Valid @ModelAttribute("form") NeedStatusUpdate form,
            BindingResult binding, HttpServletRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        NeedView need = needs.need(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", request.getParameter("status"));
        values.put("response", request.getParameter("response"));
        if (binding.hasErrors()) {
            return detailPage(model, need, values, FormErrors.of(binding, messages, locale));
        }
        try {
            needs.changeStatus(id, form);
            redirect.addFlashAttribute("success", "need.status.saved");
            return "redirect:/needs/" + id;
        } catch (RuleViolationException e) {
            return detailPage(model, need, values, FormErrors.of(e, messages, locale));
        } catch (ConcurrentEditException e) {
            return detailPage(model, need, values, FormErrors.conflict(messages, locale));
        }
    }

    /** The board for a quarter (default: the current one), optionally one network and one status. */
    @GetMapping("/needs/board")
    String board(@RequestParam(required = false) String quarter, @RequestParam(required = false) String network,
            @RequestParam(required = false) NeedStatus status, Model model, Locale locale) {
        NeedQuarter q = NeedQuarter.of(LocalDate.now());
        if (quarter != null && !quarter.isBlank()) {
            try {
                q = NeedQuarter.parse(quarter);
            } catch (IllegalArgumentException e) {
                model.addAttribute("errorKey", "need.board.quarter.invalid");
                model.addAttribute("errorArgs", new Object[0]);
            }
        }
        NeedBoard board = needs.board(q, network, status);
        List<NeedQuarter> choices = new ArrayList<>();
        NeedQuarter c = NeedQuarter.of(LocalDate.now());
        for (int i = 0; i < 12; i++) {
            choices.add(c);
            c = c.previous();
        }
        model.addAttribute("board", board);
        model.addAttribute("quarterChoices", choices);
        model.addAttribute("networks", partnership.networks());
        model.addAttribute("network", network == null ? "" : network);
        model.addAttribute("status", status);
        model.addAttribute("chart", chart(board, locale));
        return "training/board";
    }

    /** The trend as dashboard.js draws it: one bar series per quarter over the themes. */
    private String chart(NeedBoard board, Locale locale) {
        List<String> categories = board.byQuarter().stream()
                .map(r -> messages.getMessage("need.theme." + r.theme(), null, locale)).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < board.quarters().size(); i++) {
            int k = i;
            List<Long> data = board.byQuarter().stream().map(r -> r.counts().get(k)).toList();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", board.quarters().get(i).code());
            s.put("data", data);
            s.put("labels", data.stream().map(String::valueOf).toList());
            series.add(s);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("axis", messages.getMessage("need.board.axis", null, locale));
        chart.put("categories", categories);
        chart.put("names", null);
        chart.put("series", series);
        chart.put("mark", null);
        return json.writeValueAsString(chart);
    }

    private String detailPage(Model model, NeedView need, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("need", need);
        model.addAttribute("canRespond", NeedRegistry.canRespond(Actor.require(), need.networkCode()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "training/need";
    }

    private String form(Model model, Map<String, Object> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("networks", needs.readableNetworks());
        model.addAttribute("kinds", NeedRaiserKind.values());
        model.addAttribute("organisations", TrainingController.allOrganisations(partnership));
        model.addAttribute("comuni", territory.allComuni(new ComuneQuery(null, null, null)));
        return "training/need-form";
    }

    private static Map<String, Object> typed(HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> v.put(name, value.length == 0 ? "" : value[0]));
        return v;
    }
}
