package it.labimpact.indicator;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Targets and baselines per indicator, network and period ({@code indicator_target}). */
@Service
public class Targets {

    private final JdbcClient jdbc;

    Targets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The targets of a period: the project's ({@code network} null) and every network's, or the project's and one
     * network's when {@code network} is given.
     */
    public List<Target> forPeriod(Period period, String network) {
        return jdbc.sql("""
                        select id, indicator_code, network_code, period_code, target, baseline, version
                        from indicator_target
                        where period_code = :period and (cast(:network as text) is null or network_code is null
                              or network_code = :network)
                        order by indicator_code, network_code nulls first""")
                .param("period", period.code()).param("network", network)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7)))
                .list();
    }
}
