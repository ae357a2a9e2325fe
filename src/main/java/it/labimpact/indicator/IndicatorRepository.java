package it.labimpact.indicator;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the catalogue ({@code indicator_definition}). */
@Repository
class IndicatorRepository {

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IndicatorDefinition> definitions() {
        return jdbc.sql("select * from indicator_definition where active order by position")
                .query(IndicatorRepository::definition).list();
    }

    Optional<IndicatorDefinition> definition(String code) {
        return jdbc.sql("select * from indicator_definition where code = :code").param("code", code)
                .query(IndicatorRepository::definition).optional();
    }

    boolean networkExists(String code) {
        return jdbc.sql("select exists (select 1 from partnership_fact_network where network_code = :code)")
                .param("code", code).query(Boolean.class).single();
    }

    private static IndicatorDefinition definition(ResultSet rs, int n) throws SQLException {
        Set<Dimension> breakdowns = EnumSet.noneOf(Dimension.class);
        for (String b : strings(rs.getArray("breakdowns"))) {
            breakdowns.add(Dimension.valueOf(b));
        }
        return new IndicatorDefinition(rs.getString("code"), rs.getInt("position"),
                IndicatorKind.valueOf(rs.getString("kind")), rs.getString("fund_reference"), rs.getString("objective"),
                rs.getString("action"), rs.getString("label_it"), rs.getString("label_en"), rs.getString("unit_it"),
                rs.getString("unit_en"), rs.getString("definition_it"), rs.getString("definition_en"),
                CountingRule.valueOf(rs.getString("rule")), rs.getString("computation"),
                strings(rs.getArray("parameters")), java.util.Collections.unmodifiableSet(breakdowns));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
