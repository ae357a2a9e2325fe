package it.labimpact.indicator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of targets and baselines ({@code indicator_target}). */
@Repository
class TargetRepository {

    private static final String KEY = """
            indicator_code = :indicator and coalesce(network_code, '') = coalesce(cast(:network as text), '')
            and period_code = :period""";

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Target> find(String indicator, String network, String period) {
        return jdbc.sql("select id, indicator_code, network_code, period_code, target, baseline, version "
                        + "from indicator_target where " + KEY)
                .param("indicator", indicator).param("network", network).param("period", period)
                .query(TargetRepository::target).optional();
    }

    /** A new target; empty when someone else set the same one at the same time. */
    Optional<Long> insert(String indicator, String network, String period, BigDecimal target, BigDecimal baseline,
            String actor) {
        return jdbc.sql("""
                        insert into indicator_target (indicator_code, network_code, period_code, target, baseline, set_by)
                        values (:indicator, :network, :period, :target, :baseline, :actor)
                        on conflict do nothing
                        returning id""")
                .param("indicator", indicator).param("network", network).param("period", period)
                .param("target", target).param("baseline", baseline).param("actor", actor)
                .query(Long.class).optional();
    }

    /** Changes a target read at {@code version}; 0 rows when stale. */
    int update(long id, int version, BigDecimal target, BigDecimal baseline, String actor) {
        return jdbc.sql("""
                        update indicator_target
                        set target = :target, baseline = :baseline, set_by = :actor, set_at = now(),
                            version = version + 1
                        where id = :id and version = :version""")
                .param("id", id).param("version", version).param("target", target).param("baseline", baseline)
                .param("actor", actor).update();
    }

    /**
     * Sets a target whatever its version (uploads, inside one transaction); 0 rows when the values were already
     * those.
     */
    int upsert(String indicator, String network, String period, BigDecimal target, BigDecimal baseline,
            String actor) {
        return jdbc.sql("""
                        insert into indicator_target (indicator_code, network_code, period_code, target, baseline, set_by)
                        values (:indicator, :network, :period, :target, :baseline, :actor)
                        on conflict (indicator_code, coalesce(network_code, ''), period_code) do update
                        set target = excluded.target, baseline = excluded.baseline, set_by = excluded.set_by,
                            set_at = now(), version = indicator_target.version + 1
                        where (indicator_target.target, indicator_target.baseline)
                              is distinct from (excluded.target, excluded.baseline)""")
                .param("indicator", indicator).param("network", network).param("period", period)
                .param("target", target).param("baseline", baseline).param("actor", actor).update();
    }

    int delete(long id, int version) {
        return jdbc.sql("delete from indicator_target where id = :id and version = :version")
                .param("id", id).param("version", version).update();
    }

    private static Target target(ResultSet rs, int n) throws SQLException {
        return new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getInt(7));
    }
}
