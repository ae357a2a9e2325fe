package it.labimpact.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.labimpact.TestActors;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.PartnershipManagement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A network lead changes their own network only: another network's composition is refused (403), and a
 * membership id of another network cannot be reached through the lead's own network (404), whatever the
 * id. Roles without management rights are refused by the access policy.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NetworkScopeTest {

    private static final String CREMA = "019035";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PartnershipManagement management;

    /** A partner (not the lead) of the cremasca network, added for these tests. */
    long cremascaPartnerMembership;

    @BeforeEach
    void cremascaHasAPartner() {
        long organisation = organisationId("Comune di Milano");
        cremascaPartnerMembership = jdbc.sql("""
                select m.id from partnership_membership m join partnership_network n on n.id = m.network_id
                where n.code = 'cremasca' and m.organisation_id = :org""")
                .param("org", organisation).query(Long.class).optional()
                .orElseGet(() -> {
                    TestActors.actAs(TestActors.coordinator());
                    try {
                        return management.addMember("cremasca", organisation, MembershipRole.PARTNER, null, null);
                    } finally {
                        TestActors.clear();
                    }
                });
    }

    @AfterEach
    void clearActor() {
        TestActors.clear();
    }

    @Test
    void leadCannotCoverComuniForAnotherNetwork() throws Exception {
        var before = snapshot();

        mvc.perform(post("/networks/cremasca/comuni").param("codes", CREMA)
                        .with(TestActors.as(TestActors.lead("milano"))).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from partnership_network_comune where istat_code = :c")
                .param("c", CREMA).query(Long.class).single()).isZero();
    }

    @Test
    void leadCannotAddMembersToAnotherNetwork() throws Exception {
        var before = snapshot();

        mvc.perform(post("/networks/cremasca/members")
                        .param("organisationId", String.valueOf(organisationId("Fondazione ISMU")))
                        .param("role", "PARTNER")
                        .with(TestActors.as(TestActors.lead("milano"))).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void leadCannotReachAnotherNetworksMembershipThroughTheirOwnNetwork() throws Exception {
        var before = snapshot();
        int version = membershipVersion(cremascaPartnerMembership);

        int update = mvc.perform(post("/networks/milano/members/" + cremascaPartnerMembership)
                        .param("version", String.valueOf(version)).param("role", "SUPPORTER")
                        .param("until", "2030-12-31")
                        .with(TestActors.as(TestActors.lead("milano"))).with(csrf()))
                .andReturn().getResponse().getStatus();
        int delete = mvc.perform(post("/networks/milano/members/" + cremascaPartnerMembership + "/delete")
                        .param("version", String.valueOf(version))
                        .with(TestActors.as(TestActors.lead("milano"))).with(csrf()))
                .andReturn().getResponse().getStatus();

        assertThat(update).as("update of a cremasca membership via milano").isEqualTo(404);
        assertThat(delete).as("removal of a cremasca membership via milano").isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void operatorCannotCreateOrganisations() throws Exception {
        long before = organisations();

        mvc.perform(post("/organisations").param("name", "Associazione Operatore").param("kind", "THIRD_SECTOR")
                        .with(TestActors.as(TestActors.operator("milano"))).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void coordinatorCreatesOrganisations() throws Exception {
        long before = organisations();

        mvc.perform(post("/organisations").param("name", "Cooperativa Sociale Coordinata")
                        .param("kind", "THIRD_SECTOR").param("seatIstat", CREMA)
                        .with(TestActors.as(TestActors.coordinator())).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/organisations/*"));

        assertThat(organisations()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'partnership.organisation.create' "
                + "and actor = 'test.coordinator'").query(Long.class).single()).isPositive();
    }

    private long organisationId(String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
    }

    private int membershipVersion(long id) {
        return jdbc.sql("select version from partnership_membership where id = :id").param("id", id)
                .query(Integer.class).single();
    }

    private long organisations() {
        return jdbc.sql("select count(*) from partnership_organisation").query(Long.class).single();
    }

    /** Network composition: memberships with every field, and comuni covered. */
    private List<List<Map<String, Object>>> snapshot() {
        return List.of(
                jdbc.sql("select id, network_id, organisation_id, role, since, until, version "
                        + "from partnership_membership order by id").query().listOfRows(),
                jdbc.sql("select istat_code, network_id from partnership_network_comune order by istat_code")
                        .query().listOfRows());
    }
}
