package it.labimpact.territory;

import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.ImportReport;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The territory module's door: provinces, comuni, their totals and boundaries. */
@Service
@Transactional(readOnly = true)
public class TerritoryCatalogue {

    private final TerritoryRepository repository;

    TerritoryCatalogue(TerritoryRepository repository) {
        this.repository = repository;
    }

    public List<Province> provinces() {
        return repository.provinces();
    }

    public Optional<Comune> comune(String istatCode) {
        return istatCode == null ? Optional.empty() : repository.comune(istatCode);
    }

    public PageResponse<Comune> comuni(ComuneQuery query, PageRequest page) {
        return new PageResponse<>(repository.find(query, page.offset(), page.size()), page.page(), page.size(),
                repository.count(query));
    }

    /** All comuni matching the query, without paging (at most the 1,502 of Lombardy). */
    public List<Comune> allComuni(ComuneQuery query) {
        return repository.find(query, 0, Integer.MAX_VALUE);
    }

    /** The codes among {@code codes} that are not comuni of Lombardy. */
    public Set<String> unknown(Collection<String> codes) {
        Set<String> unknown = new HashSet<>(codes);
        repository.existing(codes).forEach(unknown::remove);
        return unknown;
    }

    /** GeoJSON FeatureCollection of the given comuni (properties {@code istat_code}, {@code name}). */
    public String boundaries(Collection<String> istatCodes) {
        return repository.featureCollection(istatCodes);
    }

    /** GeoJSON FeatureCollection of the 12 provinces (properties {@code code}, {@code sigla}, {@code name}). */
    public String provinceBoundaries() {
        return repository.provincesFeatureCollection();
    }

    /** Accepted header names of a column of comune ISTAT codes in an upload. */
    public static final String[] ISTAT_COLUMN = {"istat_code", "codice_istat", "cod_istat", "istat", "codice_comune"};

    /**
     * The ISTAT code in a row's {@link #ISTAT_COLUMN}, normalised (leading zeros Excel dropped are put back),
     * or a problem in the report when it is missing or not six digits. Whether the comune exists is the
     * caller's check (done once for the whole file).
     */
    public static Optional<String> istatCell(CsvTable.Row row, ImportReport.Builder report) {
        Optional<String> raw = row.get(ISTAT_COLUMN);
        if (raw.isEmpty()) {
            report.problem(row.line(), ISTAT_COLUMN[0], null, "import.required");
            return Optional.empty();
        }
        String code = normaliseIstatCode(raw.get());
        if (!code.matches("\\d{6}")) {
            report.problem(row.line(), ISTAT_COLUMN[0], raw.get(), "import.istat.format");
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** Codes found for what a person typed, and what could not be matched to exactly one comune. */
    public record Resolution(List<String> codes, List<String> unmatched) {
    }

    /**
     * Resolves lines typed by a person — ISTAT codes (several per line allowed) or comune names, one per
     * line, case-insensitive — into ISTAT codes. A name shared by several comuni, or no comune, is unmatched.
     */
    public Resolution resolve(String text) {
        List<String> codes = new java.util.ArrayList<>();
        List<String> unmatched = new java.util.ArrayList<>();
        for (String line : text.split("[\\r\\n;]+")) {
            String item = line.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.matches("[0-9 ,\\t]+")) {
                for (String code : item.split("[ ,\\t]+")) {
                    if (!code.isBlank()) {
                        codes.add(normaliseIstatCode(code));
                    }
                }
            } else {
                List<String> named = repository.codesNamed(item.replaceAll("\\s*\\([A-Z]{2}\\)$", ""));
                if (named.size() == 1) {
                    codes.add(named.get(0));
                } else {
                    unmatched.add(item);
                }
            }
        }
        return new Resolution(codes, unmatched);
    }

    /**
     * Normalises a comune code as typed or as Excel left it: {@code 12001} becomes {@code 012001}.
     * Returns the input unchanged when it is not 4–6 digits.
     */
    public static String normaliseIstatCode(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.matches("\\d{4,6}")) {
            return "0".repeat(6 - s.length()) + s;
        }
        return s;
    }
}
