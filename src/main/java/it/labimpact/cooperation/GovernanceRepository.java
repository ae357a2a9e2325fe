package it.labimpact.cooperation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the governance bodies and their members. */
@Repository
class GovernanceRepository {

    /** A body row, before names from the partnership are added. */
    record BodyRow(long id, GovernanceBodyKind kind, String networkCode, String name, String description,
            boolean active, boolean demo, int version) {
    }

    private final JdbcClient jdbc;

    GovernanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bodies of the given networks and, when {@code projectWide}, the project's; steering group first. */
    List<BodyRow> bodies(List<String> networks, boolean projectWide) {
        return jdbc.sql("""
                select * from cooperation_governance_body
                where (network_code = any(:networks) or (:projectWide and network_code is null))
                order by case kind when 'STEERING_GROUP' then 0 when 'NETWORK_TABLE' then 1 else 2 end,
                         network_code nulls first, name, id""")
                .param("networks", networks.toArray(String[]::new)).param("projectWide", projectWide)
                .query(GovernanceRepository::row).list();
    }

    Optional<BodyRow> body(long id) {
        return jdbc.sql("select * from cooperation_governance_body where id = :id").param("id", id)
                .query(GovernanceRepository::row).optional();
    }

    Optional<BodyRow> standing(GovernanceBodyKind kind, String network) {
        return jdbc.sql("""
                select * from cooperation_governance_body
                where kind = :kind and network_code is not distinct from :network""")
                .param("kind", kind.name()).param("network", network).query(GovernanceRepository::row).optional();
    }

    long insert(GovernanceBodyData d, boolean demo) {
        return jdbc.sql("""
                insert into cooperation_governance_body (kind, network_code, name, description, active, demo)
                values (:kind, :network, :name, :description, :active, :demo) returning id""")
                .param("kind", d.kind().name()).param("network", d.network()).param("name", d.name().strip())
                .param("description", blankToNull(d.description())).param("active", !Boolean.FALSE.equals(d.active()))
                .param("demo", demo).query(Long.class).single();
    }

    int update(long id, int version, GovernanceBodyData d) {
        return jdbc.sql("""
                update cooperation_governance_body set name = :name, description = :description, active = :active,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .param("name", d.name().strip()).param("description", blankToNull(d.description()))
                .param("active", !Boolean.FALSE.equals(d.active())).param("id", id).param("version", version)
                .update();
    }

    List<Long> members(long bodyId) {
        return jdbc.sql("select organisation_id from cooperation_governance_member where body_id = :id order by 1")
                .param("id", bodyId).query(Long.class).list();
    }

    /** Body id → its member organisations, for the given bodies. */
    Map<Long, List<Long>> members(List<Long> bodyIds) {
        Map<Long, List<Long>> byBody = new java.util.HashMap<>();
        jdbc.sql("""
                select body_id, organisation_id from cooperation_governance_member
                where body_id = any(:ids) order by body_id, organisation_id""")
                .param("ids", bodyIds.toArray(Long[]::new))
                .query((rs, n) -> byBody.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return byBody;
    }

    void replaceMembers(long bodyId, List<Long> organisations) {
        jdbc.sql("delete from cooperation_governance_member where body_id = :id").param("id", bodyId).update();
        for (Long org : organisations) {
            jdbc.sql("insert into cooperation_governance_member (body_id, organisation_id) values (:id, :org)")
                    .param("id", bodyId).param("org", org).update();
        }
    }

    private static BodyRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BodyRow(rs.getLong("id"), GovernanceBodyKind.valueOf(rs.getString("kind")),
                rs.getString("network_code"), rs.getString("name"), rs.getString("description"),
                rs.getBoolean("active"), rs.getBoolean("demo"), rs.getInt("version"));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
