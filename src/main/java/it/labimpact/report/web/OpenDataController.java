package it.labimpact.report.web;

import it.labimpact.report.OpenData;
import it.labimpact.shared.export.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public open-data pages: the list of datasets, their CSV files and the DCAT-AP_IT catalogue. No login. */
@Controller
class OpenDataController {

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final OpenData openData;

    OpenDataController(OpenData openData) {
        this.openData = openData;
    }

    @GetMapping("/open-data")
    String index(Model model) {
        model.addAttribute("datasets", openData.datasets());
        model.addAttribute("threshold", openData.threshold());
        model.addAttribute("columns", OpenData.COLUMNS);
        return "report/open-data";
    }

    @GetMapping("/open-data/{file:[a-z0-9-]+\\.csv}")
    void csv(@PathVariable String file, HttpServletResponse response) {
        OpenData.Dataset dataset = openData.dataset(file);
        TableExport.write(response, dataset.id(), TableExport.Format.CSV, ',', List.of(openData.table(dataset)));
    }

    @GetMapping("/open-data/catalog.jsonld")
    ResponseEntity<String> catalog() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(JSON_LD).body(openData.catalog(base));
    }
}
