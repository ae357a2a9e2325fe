package it.labimpact.partnership.web;

import it.labimpact.partnership.MemberCandidate;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.partnership.PartnershipImports;
import it.labimpact.partnership.PartnershipManagement;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.ImportReport;
import it.labimpact.shared.csv.TolerantCsv;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Network pages: the list with coverage figures and a map, a network's members and comuni, their changes. */
@Controller
class NetworkController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** Most organisations listed by a search for a member to add. */
    static final int CANDIDATES = 20;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Partnership partnership;
    private final PartnershipManagement management;
    private final PartnershipImports imports;
    private final TerritoryCatalogue territory;
    private final TransactionTemplate reads;

    NetworkController(Partnership partnership, PartnershipManagement management, PartnershipImports imports,
            TerritoryCatalogue territory, PlatformTransactionManager transactions) {
        this.partnership = partnership;
        this.management = management;
        this.imports = imports;
        this.territory = territory;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    @GetMapping("/networks")
    String list(Model model) {
        List<NetworkSummary> networks = partnership.networks();
        model.addAttribute("networks", networks);
        model.addAttribute("totalComuni", networks.stream().mapToInt(NetworkSummary::comuni).sum());
        model.addAttribute("totalPopulation", networks.stream().mapToLong(NetworkSummary::population).sum());
        model.addAttribute("totalTcn", networks.stream().mapToLong(NetworkSummary::tcnResidents).sum());
        Map<String, String> names = new LinkedHashMap<>();
        networks.forEach(n -> names.put(n.code(), n.name()));
        Map<String, String> assign = new LinkedHashMap<>();
        partnership.coverage().forEach((comune, network) -> assign.put(comune, names.get(network)));
        model.addAttribute("assignJson", json.writeValueAsString(assign));
        return "partnership/networks";
    }

    /** Boundaries of every covered comune, with the covering network as a property, for the overview map. */
    @GetMapping(value = "/networks/coverage.geojson")
    ResponseEntity<String> coverage() {
        return ResponseEntity.ok().contentType(GEO_JSON).body(territory.boundaries(partnership.coverage().keySet()));
    }

    /**
     * A network's page. Its managers add a member by searching for it ({@code memberQuery}: part of the name, among
     * the organisations that may be added, {@link #CANDIDATES} at most) rather than choosing among the whole
     * directory: with JavaScript the list follows the typing (htmx, {@link #candidates}), without it the search form
     * reloads this page with the list. The page's reads share one transaction (one connection from the pool).
     */
    @GetMapping("/networks/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) String memberQuery, Model model) {
        return reads.execute(status -> {
            NetworkDetail network = partnership.network(code)
                    .orElseThrow(() -> new RecordNotFoundException("network", code));
            boolean canManage = Actor.require().canManageNetwork(code);
            model.addAttribute("network", network);
            model.addAttribute("canManage", canManage);
            model.addAttribute("roles", Arrays.stream(MembershipRole.values()).filter(r -> r != MembershipRole.LEAD)
                    .toList());
            if (canManage) {
                addCandidates(code, memberQuery, model);
            }
            return "partnership/network";
        });
    }

    /** The organisations that may be added to the network whose name contains {@code memberQuery}: a fragment. */
    @GetMapping("/networks/{code}/members/candidates")
    String candidates(@PathVariable String code, @RequestParam(required = false) String memberQuery, Model model) {
        if (!partnership.networkNames().containsKey(code)) {
            throw new RecordNotFoundException("network", code);
        }
        if (!Actor.require().canManageNetwork(code)) {
            throw new AccessDeniedException("Only the network's managers add members");
        }
        addCandidates(code, memberQuery, model);
        return "partnership/network :: candidates";
    }

    private void addCandidates(String code, String memberQuery, Model model) {
        String text = memberQuery == null ? "" : memberQuery.strip();
        List<MemberCandidate> found = partnership.memberCandidates(code, text, CANDIDATES + 1);
        model.addAttribute("memberQuery", text);
        model.addAttribute("candidates", found.stream().limit(CANDIDATES).toList());
        model.addAttribute("moreCandidates", found.size() > CANDIDATES);
    }

    @GetMapping("/networks/{code}/map.geojson")
    ResponseEntity<String> map(@PathVariable String code) {
        partnership.network(code).orElseThrow(() -> new RecordNotFoundException("network", code));
        return ResponseEntity.ok().contentType(GEO_JSON).body(territory.boundaries(partnership.comuniCoveredBy(code)));
    }

    @PostMapping("/networks/{code}/members")
    String addMember(@PathVariable String code, @RequestParam(required = false) Long organisationId,
            @RequestParam MembershipRole role, @RequestParam(required = false) String memberQuery,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            Model model, RedirectAttributes redirect) {
        try {
            if (organisationId == null) {
                throw new RuleViolationException("organisationId", "member.organisation.required");
            }
            management.addMember(code, organisationId, role, since, until);
        } catch (RuleViolationException e) {
            model.addAttribute("memberError", e);
            return detail(code, memberQuery, model);
        }
        redirect.addFlashAttribute("success", "member.added");
        return "redirect:/networks/" + code + "#members";
    }

    @PostMapping("/networks/{code}/members/{id}")
    String updateMember(@PathVariable String code, @PathVariable long id, @RequestParam int version,
            @RequestParam MembershipRole role,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            RedirectAttributes redirect) {
        return change(code, redirect, "member.updated", () -> management.updateMember(code, id, version, role, since,
                until));
    }

    @PostMapping("/networks/{code}/members/{id}/delete")
    String removeMember(@PathVariable String code, @PathVariable long id, @RequestParam int version,
            RedirectAttributes redirect) {
        return change(code, redirect, "member.removed", () -> management.removeMember(code, id, version));
    }

    @PostMapping("/networks/{code}/comuni")
    String cover(@PathVariable String code, @RequestParam(defaultValue = "") String codes,
            RedirectAttributes redirect) {
        TerritoryCatalogue.Resolution typed = territory.resolve(codes);
        if (!typed.unmatched().isEmpty()) {
            redirect.addFlashAttribute("errorKey", "coverage.unmatched");
            redirect.addFlashAttribute("errorArgs", new Object[] {String.join(", ", typed.unmatched())});
            redirect.addFlashAttribute("typedComuni", codes);
            return "redirect:/networks/" + code + "#comuni";
        }
        return change(code, redirect, "coverage.added", () -> management.cover(code, typed.codes(), "SCREEN"));
    }

    @PostMapping("/networks/{code}/comuni/{istat}/delete")
    String uncover(@PathVariable String code, @PathVariable String istat, RedirectAttributes redirect) {
        return change(code, redirect, "coverage.removed", () -> management.uncover(code, istat));
    }

    @PostMapping("/networks/{code}/comuni/upload")
    String upload(@PathVariable String code, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        ImportReport report = imports.importCoverage(code, TolerantCsv.bytesOf(file));
        redirect.addFlashAttribute("report", report);
        return "redirect:/networks/" + code + "#comuni";
    }

    private static String change(String code, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("errorKey", "edit.conflict");
            redirect.addFlashAttribute("errorArgs", new Object[0]);
        }
        return "redirect:/networks/" + code;
    }
}
