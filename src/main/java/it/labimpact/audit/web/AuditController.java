package it.labimpact.audit.web;

import it.labimpact.audit.AuditQuery;
import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.PageRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Coordinators search the audit trail: by person, action, record, dates. */
@Controller
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(actor, action, recordType, recordId, from, to);
        model.addAttribute("query", query);
        model.addAttribute("result", audit.search(query, new PageRequest(page, 50)));
        return "audit/search";
    }
}
