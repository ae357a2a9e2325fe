package it.labimpact.territory;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.CsvUpload;
import it.labimpact.shared.csv.ImportReport;
import java.time.Year;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optional territorial data an administrator uploads as CSV: the comuni of each ambito territoriale,
 * and third-country residents per comune. Every upload is validated as a whole and applied all or
 * nothing; the report lists every problem with its line and column.
 */
@Service
public class TerritoryImports {

    static final String[] ISTAT = TerritoryCatalogue.ISTAT_COLUMN;
    static final String[] AMBITO_CODE = {"ambito_code", "codice_ambito", "cod_ambito"};
    static final String[] AMBITO_NAME = {"ambito_name", "ambito", "nome_ambito", "denominazione_ambito"};
    static final String[] TCN = {"tcn_residents", "stranieri_extra_ue", "residenti_extra_ue", "cittadini_paesi_terzi",
        "residenti_paesi_terzi", "tcn"};
    static final String[] YEAR = {"year", "anno"};

    private final TerritoryRepository repository;
    private final TerritoryCatalogue catalogue;
    private final AuditTrail audit;

    TerritoryImports(TerritoryRepository repository, TerritoryCatalogue catalogue, AuditTrail audit) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** Columns: ISTAT code, ambito code, ambito name. Assigns each listed comune to its ambito. */
    @Transactional
    public ImportReport importAmbiti(byte[] file) {
        CsvUpload upload = CsvUpload.open(file, ISTAT, AMBITO_CODE, AMBITO_NAME);
        if (upload.rejected()) {
            return upload.rejection();
        }
        CsvTable table = upload.table();
        ImportReport.Builder report = new ImportReport.Builder();
        Map<String, String> comuneToAmbito = new LinkedHashMap<>();
        Map<String, String> ambitoNames = new HashMap<>();
        Set<String> unknown = catalogue.unknown(codes(table));
        for (CsvTable.Row row : table.rows()) {
            Optional<String> code = istat(row, report, unknown);
            String ambito = required(row, report, AMBITO_CODE);
            String name = required(row, report, AMBITO_NAME);
            if (code.isEmpty() || ambito == null || name == null) {
                continue;
            }
            String previousName = ambitoNames.putIfAbsent(ambito, name);
            if (previousName != null && !previousName.equals(name)) {
                report.problem(row.line(), AMBITO_NAME[0], name, "import.ambito.nameConflict", ambito, previousName);
            }
            if (comuneToAmbito.putIfAbsent(code.get(), ambito) != null) {
                report.problem(row.line(), ISTAT[0], code.get(), "import.duplicateComune", code.get());
            }
        }
        if (report.hasProblems()) {
            return report.rejected(table.rows().size());
        }
        ambitoNames.forEach(repository::upsertAmbito);
        comuneToAmbito.forEach(repository::assignAmbito);
        audit.record("territory.ambiti.import", "territory_ambito", null,
                Map.of("comuni", comuneToAmbito.size(), "ambiti", ambitoNames.size()));
        return report.committed(table.rows().size(), comuneToAmbito.size());
    }

    /** Columns: ISTAT code, third-country residents, year. Sets the figure of each listed comune. */
    @Transactional
    public ImportReport importTcnResidents(byte[] file) {
        CsvUpload upload = CsvUpload.open(file, ISTAT, TCN, YEAR);
        if (upload.rejected()) {
            return upload.rejection();
        }
        CsvTable table = upload.table();
        ImportReport.Builder report = new ImportReport.Builder();
        Set<String> unknown = catalogue.unknown(codes(table));
        Map<String, int[]> figures = new LinkedHashMap<>();
        int maxYear = Year.now().getValue();
        for (CsvTable.Row row : table.rows()) {
            Optional<String> code = istat(row, report, unknown);
            Integer residents = wholeNumber(row, report, TCN, 0, 10_000_000);
            Integer year = wholeNumber(row, report, YEAR, 2000, maxYear);
            if (code.isEmpty() || residents == null || year == null) {
                continue;
            }
            if (figures.putIfAbsent(code.get(), new int[] {residents, year}) != null) {
                report.problem(row.line(), ISTAT[0], code.get(), "import.duplicateComune", code.get());
            }
        }
        if (report.hasProblems()) {
            return report.rejected(table.rows().size());
        }
        figures.forEach((code, f) -> repository.setTcnResidents(code, f[0], f[1]));
        audit.record("territory.tcn.import", "territory_comune", null, Map.of("comuni", figures.size()));
        return report.committed(table.rows().size(), figures.size());
    }

    private static List<String> codes(CsvTable table) {
        return table.rows().stream().map(r -> r.get(ISTAT).map(TerritoryCatalogue::normaliseIstatCode))
                .flatMap(Optional::stream).filter(c -> c.matches("\\d{6}")).toList();
    }

    private static Optional<String> istat(CsvTable.Row row, ImportReport.Builder report, Set<String> unknown) {
        Optional<String> code = TerritoryCatalogue.istatCell(row, report);
        if (code.isPresent() && unknown.contains(code.get())) {
            report.problem(row.line(), ISTAT[0], row.get(ISTAT).orElse(null), "import.istat.unknown", code.get());
            return Optional.empty();
        }
        return code;
    }

    private static String required(CsvTable.Row row, ImportReport.Builder report, String[] column) {
        Optional<String> v = row.get(column);
        if (v.isEmpty()) {
            report.problem(row.line(), column[0], null, "import.required");
            return null;
        }
        return v.get();
    }

    private static Integer wholeNumber(CsvTable.Row row, ImportReport.Builder report, String[] column, int min,
            int max) {
        String v = required(row, report, column);
        if (v == null) {
            return null;
        }
        String digits = v.matches("\\d{1,3}([. ]\\d{3})+") ? v.replaceAll("[. ]", "") : v;
        try {
            int n = Integer.parseInt(digits);
            if (n < min || n > max) {
                report.problem(row.line(), column[0], v, "import.number.range", min, max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            report.problem(row.line(), column[0], v, "import.number.format");
            return null;
        }
    }
}
