package it.labimpact.activity;

import it.labimpact.TestActors;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.PartnershipManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Activities for tests, built on the seeded partnership only, and the clean-up that removes them. */
final class ActivityFixtures {

    static final String MILANO = "015146";
    static final String CREMA = "019035";
    static final LocalDate START = LocalDate.of(2026, 11, 2);
    static final LocalDate END = LocalDate.of(2026, 12, 18);

    private ActivityFixtures() {
    }

    /** A course of the network, led by {@code lead}, with co-delivering {@code others}. */
    static ActivityData course(String network, long lead, List<Long> others, String comune) {
        return new ActivityData("Corso di italiano L2 – A2 serale", "ITALIAN_L2", network, lead, others, comune,
                "Via Roma 1", START, END, new BigDecimal("60"), List.of("it", "AR"), 20, "Adulti con livello A1",
                null, ActivityStatus.PLANNED, null);
    }

    /** The same activity with other values, as read at {@code version}. */
    static ActivityData changed(ActivityData d, String title, BigDecimal hours, Integer version) {
        return new ActivityData(title, d.typeCode(), d.networkCode(), d.leadOrganisationId(), d.organisationIds(),
                d.comuneIstat(), d.venue(), d.startDate(), d.endDate(), hours, d.languages(), d.capacity(),
                d.targetGroup(), d.description(), d.status(), version);
    }

    static ActivityData dated(ActivityData d, LocalDate start, LocalDate end, Integer version) {
        return new ActivityData(d.title(), d.typeCode(), d.networkCode(), d.leadOrganisationId(), d.organisationIds(),
                d.comuneIstat(), d.venue(), start, end, d.plannedHours(), d.languages(), d.capacity(),
                d.targetGroup(), d.description(), d.status(), version);
    }

    static long organisationId(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
    }

    /** Makes a seeded organisation a partner of the network (once), acting as a coordinator. */
    static long partnerOf(JdbcClient jdbc, PartnershipManagement partnership, String network, String name) {
        long org = organisationId(jdbc, name);
        boolean member = jdbc.sql("""
                select count(*) from partnership_membership m join partnership_network n on n.id = m.network_id
                where n.code = :network and m.organisation_id = :org""").param("network", network)
                .param("org", org).query(Long.class).single() > 0;
        if (!member) {
            TestActors.actAs(TestActors.coordinator());
            try {
                partnership.addMember(network, org, MembershipRole.PARTNER, null, null);
            } finally {
                TestActors.clear();
            }
        }
        return org;
    }

    /** Removes the activities and types the tests made (the demo ones and the seeded types stay). */
    static void clean(JdbcClient jdbc) {
        jdbc.sql("delete from activity_activity where not demo").update();
        jdbc.sql("delete from activity_type where code like 'TEST\\_%'").update();
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
