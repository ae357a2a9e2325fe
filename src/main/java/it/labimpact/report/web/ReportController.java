package it.labimpact.report.web;

import it.labimpact.indicator.Period;
import it.labimpact.report.PeriodicReport;
import it.labimpact.report.PeriodicReports;
import it.labimpact.report.ReportNote;
import it.labimpact.report.ReportNotes;
import it.labimpact.report.Reports;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RuleViolationException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The report pages: the index (choose period, network, format), the periodic report's preview, its PDF and notes. */
@Controller
class ReportController {

    private final Reports reports;
    private final PeriodicReports periodic;
    private final ReportNotes notes;
    private final MessageSource messages;

    ReportController(Reports reports, PeriodicReports periodic, ReportNotes notes, MessageSource messages) {
        this.reports = reports;
        this.periodic = periodic;
        this.notes = notes;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String index(Locale locale, Model model) {
        Actor actor = Actor.require();
        List<Period> periods = reports.periods();
        model.addAttribute("periods", periods);
        model.addAttribute("selectedPeriod", reports.period(null).code());
        model.addAttribute("networks", reports.networks());
        model.addAttribute("wholeProject", actor.seesWholeProject());
        model.addAttribute("selectedNetwork", actor.seesWholeProject() ? "" : actor.networkCode());
        model.addAttribute("years", periods.stream().filter(p -> p.kind() == Period.Kind.YEAR).toList());
        model.addAttribute("semicolon", "it".equals(locale.getLanguage()));
        return "report/index";
    }

    @GetMapping("/reports/periodic")
    String preview(@RequestParam(required = false) String period, @RequestParam(required = false) String network,
            Model model) {
        Period p = reports.period(period);
        String n = reports.network(network);
        PeriodicReport report = periodic.build(p, n);
        model.addAttribute("periodic", report);
        model.addAttribute("canEditNote", n != null && ReportNotes.canEdit(Actor.require(), n));
        model.addAttribute("coordinator", ReportNotes.canEdit(Actor.require(), null));
        if (n != null && !model.containsAttribute("noteText")) {
            ReportNote note = report.notes().stream().filter(x -> x.networkCode().equals(n)).findFirst().orElse(null);
            model.addAttribute("noteText", note == null ? "" : note.text());
            model.addAttribute("noteVersion", note == null ? null : note.version());
        }
        return "report/periodic";
    }

    @GetMapping("/reports/periodic.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String period,
            @RequestParam(required = false) String network, Locale locale) {
        Period p = reports.period(period);
        String n = reports.network(network);
        byte[] pdf = periodic.pdf(periodic.build(p, n), locale);
        String name = "lab-impact-" + p.code() + "-" + (n == null ? "progetto" : n) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
    }

    @PostMapping("/reports/periodic/notes")
    String saveNote(@RequestParam String period, @RequestParam String network, @RequestParam String text,
            @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        Period p = reports.period(period);
        String n = reports.network(network);
        try {
            notes.save(p, n, text, version);
        } catch (RuleViolationException e) {
            model.addAttribute("noteError", e);
            model.addAttribute("noteText", text);
            model.addAttribute("noteVersion", version);
            return preview(period, network, model);
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "report.periodic.notes.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
            return "redirect:" + previewUrl(p, n);
        }
        redirect.addFlashAttribute("success", "report.periodic.notes.saved");
        return "redirect:" + previewUrl(p, n) + "#notes";
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<String> badPeriod(RuleViolationException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                .body(messages.getMessage(e.messageKey(), e.args(), locale));
    }

    private static String previewUrl(Period period, String network) {
        return UriComponentsBuilder.fromPath("/reports/periodic").queryParam("period", period.code())
                .queryParam("network", network).build().encode().toUriString();
    }
}
