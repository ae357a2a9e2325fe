package it.labimpact.partnership;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts the partnership back as migration V1_5 seeds it, and reads the audit trail written since a point. */
final class PartnershipFixtures {

    private PartnershipFixtures() {
    }

    /** No comuni covered, only the 13 lead memberships, only the 16 seeded organisations. */
    static void reset(JdbcClient jdbc) {
        jdbc.sql("delete from partnership_network_comune").update();
        jdbc.sql("delete from partnership_membership where role <> 'LEAD'").update();
        jdbc.sql("""
                delete from partnership_organisation
                where project_role is null and id not in (select lead_organisation_id from partnership_network)""")
                .update();
    }

    static long lastAuditId(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    /** Audit rows written after {@code id}, oldest first. */
    static List<Map<String, Object>> auditSince(JdbcClient jdbc, long id) {
        return jdbc.sql("""
                select actor, action, record_type, record_id, details::text as details
                from audit_event where id > :id order by id""").param("id", id).query().listOfRows();
    }
}
