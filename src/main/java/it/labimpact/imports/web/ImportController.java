package it.labimpact.imports.web;

import it.labimpact.imports.ImportJob;
import it.labimpact.imports.ImportKind;
import it.labimpact.imports.ImportMode;
import it.labimpact.imports.Imports;
import it.labimpact.participant.PrivacyNotices;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import it.labimpact.shared.csv.TolerantCsv;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The uploads page (form, templates, the network's history), a job's page whose progress and report refresh by
 * htmx polling until the job ends, the commit of a validated file, and the downloads.
 */
@Controller
class ImportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Imports imports;
    private final Partnership partnership;
    private final PrivacyNotices notices;

    ImportController(Imports imports, Partnership partnership, PrivacyNotices notices) {
        this.imports = imports;
        this.partnership = partnership;
        this.notices = notices;
    }

    @GetMapping("/imports")
    String index(Model model, Locale locale) {
        Actor actor = Actor.require();
        boolean canUpload = Imports.canUpload(actor);
        model.addAttribute("canUpload", canUpload);
        model.addAttribute("jobs", imports.history(null));
        model.addAttribute("kinds", ImportKind.values());
        if (canUpload) {
            model.addAttribute("organisationScoped", actor.scope() == ScopeType.ORGANISATION);
            model.addAttribute("organisations", members(actor));
            model.addAttribute("notice", notices.current(locale));
        }
        return "imports/index";
    }

    @PostMapping("/imports")
    String upload(@RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "PARTICIPANTS") ImportKind kind,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Integer consentNoticeVersion, RedirectAttributes redirect) {
        try {
            ImportJob job = imports.start(kind, ImportMode.VALIDATE, file.getOriginalFilename(),
                    TolerantCsv.bytesOf(file), organisationId, consentNoticeVersion);
            return "redirect:/imports/" + job.id();
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/imports";
        }
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id));
        addResult(id, model);
        return "imports/job";
    }

    /** The part of the job page that polling replaces. */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id));
        addResult(id, model);
        return "imports/job :: result";
    }

    @PostMapping("/imports/{id}/commit")
    String commit(@PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:/imports/" + imports.commit(id).id();
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/imports/" + id;
        }
    }

    @GetMapping("/imports/{id}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable long id, Locale locale) {
        return download(imports.reportWorkbook(id, locale), "import-" + id + "-report.xlsx", XLSX);
    }

    @GetMapping("/imports/template.xlsx")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "PARTICIPANTS") ImportKind kind, Locale locale) {
        return download(imports.template(kind, locale), imports.templateName(kind, locale) + ".xlsx", XLSX);
    }

    @GetMapping("/imports/template.csv")
    ResponseEntity<byte[]> templateCsv(@RequestParam(defaultValue = "PARTICIPANTS") ImportKind kind, Locale locale) {
        return download(imports.templateCsv(kind, locale), imports.templateName(kind, locale) + ".csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    private void addResult(long id, Model model) {
        ImportJob job = (ImportJob) model.getAttribute("job");
        model.addAttribute("notes", job.status().finished() ? imports.notes(id) : List.of());
        model.addAttribute("canCommit", imports.canCommit(job));
    }

    private List<Member> members(Actor actor) {
        return partnership.network(actor.networkCode()).map(n -> n.members().stream().filter(Member::active)
                .sorted(Comparator.comparing(Member::organisationName)).toList()).orElse(List.of());
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
