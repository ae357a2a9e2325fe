package it.labimpact.cooperation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the cooperation metrics: the module's own tie view ({@code cooperation_fact_tie}) and the partnership's
 * published facts ({@code partnership_fact_member}, {@code partnership_fact_organisation}).
 */
@Repository
class CooperationMetricsRepository {

    private final JdbcClient jdbc;

    CooperationMetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every piece of evidence of a tie that starts on or before {@code to}. */
    List<TieEvidence> evidence(LocalDate to) {
        return jdbc.sql("""
                select organisation_a, organisation_b, source, network_code, cross_network, valid_from, valid_to,
                       evidence_id, direction
                from cooperation_fact_tie where valid_from <= :to""")
                .param("to", to)
                .query((rs, n) -> new TieEvidence(rs.getLong(1), rs.getLong(2), TieSource.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getLong(8), rs.getString(9)))
                .list();
    }

    /** The organisations that are members of the network (of any network when {@code null}) during the period. */
    Set<Long> members(String network, LocalDate from, LocalDate to) {
        return new TreeSet<>(jdbc.sql("""
                select distinct organisation_id from partnership_fact_member
                where (cast(:network as text) is null or network_code = :network)
                  and (member_from is null or member_from <= :to) and (member_to is null or member_to >= :from)""")
                .param("network", network).param("from", from).param("to", to)
                .query(Long.class).list());
    }

    /** Organisation id → kind, for every organisation. */
    Map<Long, String> kinds() {
        Map<Long, String> kinds = new HashMap<>();
        jdbc.sql("select organisation_id, kind from partnership_fact_organisation")
                .query(rs -> {
                    kinds.put(rs.getLong(1), rs.getString(2));
                });
        return kinds;
    }
}
