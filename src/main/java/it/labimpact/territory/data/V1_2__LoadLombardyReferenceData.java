package it.labimpact.territory.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the provinces and comuni of Lombardy, with their boundaries and centroids, from the reference
 * files under {@code reference/lombardia/} (ISTAT, ANPR, openpolis: see PROVENANCE.md there).
 */
@Component
class V1_2__LoadLombardyReferenceData extends BaseJavaMigration {

    private static final String DIR = "reference/lombardia/";
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<String, JsonNode> provinceShapes = geometries("lombardia_province.geojson", "province_code");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into territory_province (code, sigla, name, uts_code, uts_type, nuts3, capital_istat, geometry)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (CSVRecord r : csv("lombardia_province.csv")) {
                String code = r.get("province_code");
                ps.setString(1, code);
                ps.setString(2, r.get("province_sigla"));
                ps.setString(3, r.get("province_name"));
                ps.setString(4, r.get("uts_code"));
                ps.setString(5, r.get("uts_type"));
                ps.setString(6, r.get("nuts3"));
                ps.setString(7, r.get("capital_istat_code"));
                ps.setString(8, json.writeValueAsString(require(provinceShapes, code)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, JsonNode> comuneShapes = geometries("lombardia_comuni.geojson", "istat_code");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into territory_comune (istat_code, name, province_code, cadastral_code, is_province_capital,
                    population, population_ref, centroid_lat, centroid_lon, geometry)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (CSVRecord r : csv("lombardia_comuni.csv")) {
                String code = r.get("istat_code");
                JsonNode geometry = require(comuneShapes, code);
                double[] centroid = Centroid.of(geometry);
                ps.setString(1, code);
                ps.setString(2, r.get("name"));
                ps.setString(3, r.get("province_code"));
                ps.setString(4, r.get("cadastral_code"));
                ps.setBoolean(5, "1".equals(r.get("is_province_capital")));
                ps.setInt(6, Integer.parseInt(r.get("population_anpr")));
                ps.setString(7, r.get("population_ref"));
                ps.setDouble(8, centroid[1]);
                ps.setDouble(9, centroid[0]);
                ps.setString(10, json.writeValueAsString(geometry));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static JsonNode require(Map<String, JsonNode> shapes, String code) {
        JsonNode g = shapes.get(code);
        if (g == null) {
            throw new IllegalStateException("No boundary for " + code + " in the reference data");
        }
        return g;
    }

    private Map<String, JsonNode> geometries(String file, String key) throws IOException {
        try (InputStream in = new ClassPathResource(DIR + file).getInputStream()) {
            Map<String, JsonNode> byCode = new HashMap<>();
            for (JsonNode f : json.readTree(in).get("features")) {
                byCode.put(f.get("properties").get(key).asString(), f.get("geometry"));
            }
            return byCode;
        }
    }

    private static Iterable<CSVRecord> csv(String file) throws IOException {
        Reader reader = new InputStreamReader(new ClassPathResource(DIR + file).getInputStream(),
                StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
}
