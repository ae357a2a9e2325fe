package it.labimpact.cooperation.training;

import it.labimpact.TestActors;
import it.labimpact.cooperation.TrainingAttendeeData;
import it.labimpact.cooperation.TrainingData;
import it.labimpact.cooperation.TrainingMode;
import it.labimpact.cooperation.TrainingRole;
import it.labimpact.cooperation.TrainingTheme;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.PartnershipManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Trainings and needs for tests, on the seeded partnership only, and the clean-up that removes them. */
final class TrainingFixtures {

    private TrainingFixtures() {
    }

    static TrainingData training(String network, long organiser, String start, String end, String hours) {
        return new TrainingData("Competenze interculturali nei servizi", TrainingTheme.INTERCULTURAL_SKILLS, organiser,
                network, LocalDate.parse(start), LocalDate.parse(end), new BigDecimal(hours), TrainingMode.IN_PERSON,
                null, null);
    }

    static TrainingData withVersion(TrainingData d, String hours, Integer version) {
        return new TrainingData(d.title(), d.theme(), d.organiserOrganisationId(), d.networkCode(), d.startDate(),
                d.endDate(), new BigDecimal(hours), d.mode(), d.description(), version);
    }

    static TrainingAttendeeData attendee(String surname, String givenName, long organisation, String hours) {
        return new TrainingAttendeeData(surname, givenName, organisation, TrainingRole.SOCIAL_WORKER, null,
                hours == null ? null : new BigDecimal(hours));
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
            TestActors.run(TestActors.coordinator(),
                    () -> partnership.addMember(network, org, MembershipRole.PARTNER, null, null));
        }
        return org;
    }

    static int version(JdbcClient jdbc, long training) {
        return jdbc.sql("select version from cooperation_training where id = :id").param("id", training)
                .query(Integer.class).single();
    }

    /** Removes every training, operator and need (no demo data exists for them). */
    static void clean(JdbcClient jdbc) {
        jdbc.sql("delete from cooperation_training").update();
        jdbc.sql("delete from cooperation_training_operator").update();
        jdbc.sql("delete from cooperation_need").update();
    }

    static long lastAuditId(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }
}
