package it.labimpact.indicator.web;

import it.labimpact.indicator.Approvals;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.indicator.Snapshots;
import it.labimpact.indicator.Submission;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Approval of the networks' quarters: the grid of quarters × networks with their status, and one network's quarter
 * with its history and the actions the user may take (submit for the network's lead; approve, send back and reopen
 * for the coordination).
 */
@Controller
class ApprovalController {

    private final Approvals approvals;
    private final Snapshots snapshots;
    private final Indicators indicators;
    private final MessageSource messages;

    ApprovalController(Approvals approvals, Snapshots snapshots, Indicators indicators, MessageSource messages) {
        this.approvals = approvals;
        this.snapshots = snapshots;
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/indicators/approvals")
    String grid(Model model) {
        List<Period> quarters = approvals.quarters();
        model.addAttribute("quarters", quarters);
        model.addAttribute("networks", approvals.networks());
        model.addAttribute("grid", approvals.grid(quarters));
        return "indicator/approvals";
    }

    @GetMapping("/indicators/approvals/{network}/{period}")
    String detail(@PathVariable String network, @PathVariable String period, Model model) {
        return page(model, network, period, Map.of(), null);
    }

    @PostMapping("/indicators/approvals/{network}/{period}/submit")
    String submit(@PathVariable String network, @PathVariable String period,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
            Model model, Locale locale, RedirectAttributes redirect) {
        return act(network, period, comment, model, locale, redirect, "approval.submitted",
                () -> approvals.submit(network, period, comment, version));
    }

    @PostMapping("/indicators/approvals/{network}/{period}/approve")
    String approve(@PathVariable String network, @PathVariable String period, @RequestParam int version,
            Model model, Locale locale, RedirectAttributes redirect) {
        return act(network, period, null, model, locale, redirect, "approval.approved",
                () -> approvals.approve(network, period, version));
    }

    @PostMapping("/indicators/approvals/{network}/{period}/return")
    String sendBack(@PathVariable String network, @PathVariable String period,
            @RequestParam(required = false) String comment, @RequestParam int version, Model model, Locale locale,
            RedirectAttributes redirect) {
        return act(network, period, comment, model, locale, redirect, "approval.returned",
                () -> approvals.sendBack(network, period, version, comment));
    }

    @PostMapping("/indicators/approvals/{network}/{period}/reopen")
    String reopen(@PathVariable String network, @PathVariable String period,
            @RequestParam(required = false) String comment, @RequestParam int version, Model model, Locale locale,
            RedirectAttributes redirect) {
        return act(network, period, comment, model, locale, redirect, "approval.reopened",
                () -> approvals.reopen(network, period, version, comment));
    }

    private String act(String network, String period, String comment, Model model, Locale locale,
            RedirectAttributes redirect, String success, Supplier<Submission> action) {
        Map<String, String> errors;
        try {
            Submission s = action.get();
            redirect.addFlashAttribute("success", success);
            return "redirect:/indicators/approvals/" + s.network() + "/" + s.periodCode();
        } catch (RuleViolationException e) {
            errors = Map.of(e.field() == null || "period".equals(e.field()) ? "_form" : e.field(),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } catch (ConcurrentEditException e) {
            errors = Map.of("_form", messages.getMessage("edit.conflict", null, locale));
        }
        return page(model, network, period, errors, comment);
    }

    private String page(Model model, String network, String periodCode, Map<String, String> errors, String comment) {
        Period quarter;
        try {
            quarter = indicators.period(periodCode);
        } catch (RuleViolationException e) {
            throw new RecordNotFoundException("period", periodCode);
        }
        if (quarter.kind() != Period.Kind.QUARTER) {
            throw new RecordNotFoundException("period", periodCode);
        }
        NetworkSummary summary = approvals.networks().stream().filter(n -> n.code().equals(network)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("network", network));
        Actor actor = Actor.require();
        model.addAttribute("network", summary);
        model.addAttribute("quarter", quarter);
        model.addAttribute("ended", approvals.ended(quarter));
        model.addAttribute("submission", approvals.submission(network, quarter.code()).orElse(null));
        model.addAttribute("history", approvals.history(network, quarter.code()));
        model.addAttribute("snapshots", snapshots.history(quarter, network));
        model.addAttribute("canSubmit", Approvals.canSubmit(actor, network));
        model.addAttribute("canDecide", Approvals.canDecide(actor));
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        return "indicator/approval";
    }
}
