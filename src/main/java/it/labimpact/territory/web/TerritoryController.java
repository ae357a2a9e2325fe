package it.labimpact.territory.web;

import it.labimpact.shared.csv.ImportReport;
import it.labimpact.shared.csv.TolerantCsv;
import it.labimpact.territory.TerritoryCatalogue;
import it.labimpact.territory.TerritoryImports;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Province boundaries for maps (public reference data) and the coordinator's territorial uploads. */
@Controller
class TerritoryController {

    private final TerritoryCatalogue catalogue;
    private final TerritoryImports imports;

    TerritoryController(TerritoryCatalogue catalogue, TerritoryImports imports) {
        this.catalogue = catalogue;
        this.imports = imports;
    }

    @GetMapping("/geo/provinces.geojson")
    ResponseEntity<String> provinces() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(catalogue.provinceBoundaries());
    }

    @GetMapping("/admin/territory")
    String admin(Model model) {
        model.addAttribute("provinces", catalogue.provinces());
        return "territory/admin";
    }

    @PostMapping("/admin/territory/ambiti")
    String ambiti(@RequestParam("file") MultipartFile file, Model model) {
        return report(imports.importAmbiti(TolerantCsv.bytesOf(file)), "ambiti", model);
    }

    @PostMapping("/admin/territory/tcn")
    String tcn(@RequestParam("file") MultipartFile file, Model model) {
        return report(imports.importTcnResidents(TolerantCsv.bytesOf(file)), "tcn", model);
    }

    private String report(ImportReport report, String kind, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("reportKind", kind);
        return admin(model);
    }
}
