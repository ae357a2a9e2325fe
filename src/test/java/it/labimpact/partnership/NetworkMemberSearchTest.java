package it.labimpact.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Adding a member to a network by searching for it: the page no longer lists the whole directory; the search (a plain
 * GET form, or the htmx fragment) lists the organisations whose name matches and that may be added (never members of
 * the network), and choosing one adds it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NetworkMemberSearchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PartnershipManagement management;

    @Autowired
    JdbcClient jdbc;

    private long free;
    private long member;
    private long ended;

    @BeforeEach
    void threeOrganisationsNamedAlike() {
        PartnershipFixtures.reset(jdbc);
        TestActors.run(TestActors.coordinator(), () -> {
            free = management.createOrganisation(organisation("Zefiro cooperativa libera"));
            member = management.createOrganisation(organisation("Zefiro associazione già membro"));
            ended = management.createOrganisation(organisation("Zefiro centro uscito"));
            management.addMember("milano", member, MembershipRole.PARTNER, null, null);
            management.addMember("milano", ended, MembershipRole.SUPPORTER, null, null);
        });
        jdbc.sql("update partnership_membership set since = current_date - 30, until = current_date - 1"
                + " where organisation_id = :o").param("o", ended).update();
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        PartnershipFixtures.reset(jdbc);
    }

    @Test
    void thePageListsNoDirectoryUntilSearchedAndTheSearchWorksWithoutJavaScript() throws Exception {
        String page = page(get("/networks/milano").locale(Locale.ITALIAN), TestActors.coordinator());
        assertThat(page).doesNotContain("id=\"organisationId\"").doesNotContain("Zefiro cooperativa libera")
                .doesNotContain("type=\"radio\"")
                .contains("role=\"search\"").contains("name=\"memberQuery\"")
                .contains("action=\"/networks/milano#add-member\"")
                .contains("Cerca l&#39;organizzazione qui sopra");

        String found = page(get("/networks/milano").param("memberQuery", "zefiro"), TestActors.coordinator());
        assertThat(found).contains("value=\"" + free + "\"").contains("Zefiro cooperativa libera")
                .doesNotContain("value=\"" + member + "\"").doesNotContain("value=\"" + ended + "\"")
                .contains("for=\"candidate-" + free + "\"");
        assertThat(found).as("the search text kept in the add form")
                .contains("type=\"hidden\" name=\"memberQuery\" value=\"zefiro\"");
    }

    @Test
    void theFragmentFollowsTheTypingInEnglishAndSaysWhenNothingMatches() throws Exception {
        String fragment = page(get("/networks/milano/members/candidates").param("memberQuery", "ZEFIRO coop")
                .locale(Locale.ENGLISH), TestActors.lead("milano"));
        assertThat(fragment).startsWith("<fieldset").contains("Zefiro cooperativa libera")
                .doesNotContain("<html").doesNotContain("membro");

        String none = page(get("/networks/milano/members/candidates").param("memberQuery", "zefiro membro")
                .locale(Locale.ENGLISH), TestActors.lead("milano"));
        assertThat(none).contains("No organisation that may be added has &quot;zefiro membro&quot; in its name")
                .doesNotContain("type=\"radio\"");
    }

    @Test
    void onlyTheNetworksManagersSearch() throws Exception {
        MockHttpServletResponse operator = mvc.perform(get("/networks/milano/members/candidates")
                .param("memberQuery", "zefiro").with(TestActors.as(TestActors.operator("milano"))))
                .andReturn().getResponse();
        assertThat(operator.getStatus()).isEqualTo(403);
        MockHttpServletResponse otherLead = mvc.perform(get("/networks/milano/members/candidates")
                .param("memberQuery", "zefiro").with(TestActors.as(TestActors.lead("ghedi"))))
                .andReturn().getResponse();
        assertThat(otherLead.getStatus()).isEqualTo(403);
        assertThat(page(get("/networks/milano").param("memberQuery", "zefiro"), TestActors.operator("milano")))
                .doesNotContain("Zefiro cooperativa libera").doesNotContain("id=\"add-member\"");
    }

    @Test
    void choosingAFoundOrganisationAddsIt() throws Exception {
        MockHttpServletResponse added = mvc.perform(post("/networks/milano/members").with(csrf())
                .param("organisationId", String.valueOf(free)).param("role", "PARTNER").param("memberQuery", "zefiro")
                .with(TestActors.as(TestActors.coordinator()))).andReturn().getResponse();
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(added.getRedirectedUrl()).isEqualTo("/networks/milano#members");
        assertThat(jdbc.sql("select count(*) from partnership_membership m join partnership_network n"
                + " on n.id = m.network_id where n.code = 'milano' and m.organisation_id = :o")
                .param("o", free).query(Long.class).single()).isEqualTo(1);

        String after = page(get("/networks/milano").param("memberQuery", "zefiro").locale(Locale.ITALIAN),
                TestActors.coordinator());
        assertThat(after).as("a member is no longer a candidate").doesNotContain("value=\"" + free + "\"")
                .contains("Nessuna organizzazione che si possa aggiungere ha &quot;zefiro&quot; nel nome");
    }

    @Test
    void addingWithoutChoosingShowsTheErrorBesideTheSameSearch() throws Exception {
        String page = page(post("/networks/milano/members").with(csrf()).param("role", "PARTNER")
                .param("memberQuery", "zefiro").locale(Locale.ITALIAN), TestActors.coordinator());
        assertThat(page).contains("Scegli un&#39;organizzazione").contains("aria-describedby=\"member-error\"")
                .contains("value=\"" + free + "\"");
    }

    @Test
    void wildcardsAndMarkupAreSearchedAsTextAndAnUnknownNetworkIsNotFound() throws Exception {
        String percent = page(get("/networks/milano/members/candidates").param("memberQuery", "%")
                .locale(Locale.ENGLISH), TestActors.coordinator());
        assertThat(percent).as("%% matches a literal percent sign, not every name").doesNotContain("type=\"radio\"")
                .contains("No organisation that may be added has &quot;%&quot; in its name");
        String underscore = page(get("/networks/milano/members/candidates").param("memberQuery", "Zefiro_")
                .locale(Locale.ENGLISH), TestActors.coordinator());
        assertThat(underscore).doesNotContain("type=\"radio\"");

        String markup = page(get("/networks/milano").param("memberQuery", "<script>alert(1)</script>"),
                TestActors.coordinator());
        assertThat(markup).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        MockHttpServletResponse unknown = mvc.perform(get("/networks/nowhere/members/candidates")
                .param("memberQuery", "zefiro").with(TestActors.as(TestActors.coordinator()))).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
    }

    private String page(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return r.getContentAsString();
    }

    private static OrganisationData organisation(String name) {
        return new OrganisationData(name, OrganisationKind.THIRD_SECTOR, null, null, null, null, null, null);
    }
}
