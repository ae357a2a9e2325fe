package it.labimpact.partnership;

import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.CsvUpload;
import it.labimpact.shared.csv.ImportReport;
import it.labimpact.territory.TerritoryCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of the comuni a network covers: one column of ISTAT codes (a name column may sit beside it and is
 * ignored). All or nothing; a comune the network already covers is skipped, so the same file can be uploaded
 * twice.
 */
@Service
public class PartnershipImports {

    private static final String[] ISTAT = TerritoryCatalogue.ISTAT_COLUMN;

    private final PartnershipRepository repository;
    private final PartnershipManagement management;
    private final TerritoryCatalogue territory;

    PartnershipImports(PartnershipRepository repository, PartnershipManagement management,
            TerritoryCatalogue territory) {
        this.repository = repository;
        this.management = management;
        this.territory = territory;
    }

    @Transactional
    public ImportReport importCoverage(String networkCode, byte[] file) {
        management.managed(networkCode);
        CsvUpload upload = CsvUpload.open(file, ISTAT);
        if (upload.rejected()) {
            return upload.rejection();
        }
        CsvTable table = upload.table();
        ImportReport.Builder report = new ImportReport.Builder();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<String> code = TerritoryCatalogue.istatCell(row, report);
            if (code.isEmpty()) {
                continue;
            }
            if (firstLine.putIfAbsent(code.get(), row.line()) != null) {
                report.problem(row.line(), ISTAT[0], row.get(ISTAT).orElse(null), "import.duplicateRow",
                        firstLine.get(code.get()));
            } else {
                codes.add(code.get());
            }
        }
        Set<String> unknown = territory.unknown(codes);
        Map<String, String> covering = repository.coveringNetworks(codes);
        List<String> toAdd = new ArrayList<>();
        for (String code : codes) {
            int line = firstLine.get(code);
            String other = covering.get(code);
            if (unknown.contains(code)) {
                report.problem(line, ISTAT[0], code, "import.istat.unknown", code);
            } else if (other != null && !other.equals(networkCode)) {
                report.problem(line, ISTAT[0], code, "coverage.conflict.row", other);
            } else if (other == null) {
                toAdd.add(code);
            }
        }
        if (report.hasProblems()) {
            return report.rejected(table.rows().size());
        }
        if (!toAdd.isEmpty()) {
            management.cover(networkCode, toAdd, "IMPORT");
        }
        return report.committed(table.rows().size(), toAdd.size());
    }
}
