package it.labimpact.territory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the territory tables. */
@Repository
class TerritoryRepository {

    private static final String COMUNE_SELECT = """
            select c.istat_code, c.name, c.province_code, p.sigla, p.name as province_name, c.cadastral_code,
                   c.population, c.ambito_code, a.name as ambito_name, c.tcn_residents, c.tcn_year,
                   c.centroid_lat, c.centroid_lon
            from territory_comune c
            join territory_province p on p.code = c.province_code
            left join territory_ambito a on a.code = c.ambito_code""";

    private final JdbcClient jdbc;

    TerritoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Province> provinces() {
        return jdbc.sql("""
                select p.code, p.sigla, p.name, count(c.istat_code) as comuni, coalesce(sum(c.population), 0) as pop
                from territory_province p left join territory_comune c on c.province_code = p.code
                group by p.code order by p.name""")
                .query((rs, n) -> new Province(rs.getString("code"), rs.getString("sigla"), rs.getString("name"),
                        rs.getInt("comuni"), rs.getLong("pop")))
                .list();
    }

    Optional<Comune> comune(String istatCode) {
        return jdbc.sql(COMUNE_SELECT + " where c.istat_code = :code").param("code", istatCode)
                .query(TerritoryRepository::comune).optional();
    }

    long count(ComuneQuery q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from territory_comune c join territory_province p on p.code = c.province_code"
                + where(q, params)).params(params).query(Long.class).single();
    }

    List<Comune> find(ComuneQuery q, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(COMUNE_SELECT + where(q, params) + " order by c.name, c.istat_code limit :limit offset :offset")
                .params(params).query(TerritoryRepository::comune).list();
    }

    List<String> existing(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select istat_code from territory_comune where istat_code in (:codes)")
                .param("codes", codes).query(String.class).list();
    }

    List<String> codesNamed(String name) {
        return jdbc.sql("select istat_code from territory_comune where lower(name) = lower(:name)")
                .param("name", name.strip()).query(String.class).list();
    }

    String featureCollection(Collection<String> codes) {
        return jdbc.sql("""
                select jsonb_build_object('type', 'FeatureCollection', 'features', coalesce(jsonb_agg(
                    jsonb_build_object('type', 'Feature', 'geometry', geometry,
                        'properties', jsonb_build_object('istat_code', istat_code, 'name', name))
                    order by istat_code), '[]'::jsonb))::text
                from territory_comune where istat_code = any(:codes)""")
                .param("codes", codes.toArray(String[]::new)).query(String.class).single();
    }

    String provincesFeatureCollection() {
        return jdbc.sql("""
                select jsonb_build_object('type', 'FeatureCollection', 'features', jsonb_agg(
                    jsonb_build_object('type', 'Feature', 'geometry', geometry,
                        'properties', jsonb_build_object('code', code, 'sigla', sigla, 'name', name))
                    order by code))::text
                from territory_province""").query(String.class).single();
    }

    Map<String, String> ambitoNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from territory_ambito").query((ResultSet rs) -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    void upsertAmbito(String code, String name) {
        jdbc.sql("insert into territory_ambito (code, name) values (:code, :name) "
                + "on conflict (code) do update set name = excluded.name")
                .param("code", code).param("name", name).update();
    }

    void assignAmbito(String istatCode, String ambitoCode) {
        jdbc.sql("update territory_comune set ambito_code = :ambito where istat_code = :code")
                .param("ambito", ambitoCode).param("code", istatCode).update();
    }

    void setTcnResidents(String istatCode, int residents, int year) {
        jdbc.sql("update territory_comune set tcn_residents = :n, tcn_year = :year where istat_code = :code")
                .param("n", residents).param("year", year).param("code", istatCode).update();
    }

    private static String where(ComuneQuery q, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (q.province() != null && !q.province().isBlank()) {
            clauses.add("(p.sigla = upper(:province) or p.code = :province)");
            params.put("province", q.province().strip());
        }
        if (q.name() != null && !q.name().isBlank()) {
            clauses.add("lower(c.name) like :name");
            params.put("name", q.name().strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.codes() != null) {
            clauses.add("c.istat_code = any(:codes)");
            params.put("codes", q.codes().toArray(String[]::new));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static Comune comune(ResultSet rs, int n) throws SQLException {
        return new Comune(rs.getString("istat_code"), rs.getString("name"), rs.getString("province_code"),
                rs.getString("sigla"), rs.getString("province_name"), rs.getString("cadastral_code"),
                rs.getInt("population"), rs.getString("ambito_code"), rs.getString("ambito_name"),
                (Integer) rs.getObject("tcn_residents"), rs.getObject("tcn_year") == null ? null
                        : rs.getInt("tcn_year"),
                rs.getDouble("centroid_lat"), rs.getDouble("centroid_lon"));
    }
}
