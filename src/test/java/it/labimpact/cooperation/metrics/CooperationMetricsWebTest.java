package it.labimpact.cooperation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.Agreements;
import it.labimpact.cooperation.MeetingAttendanceUpdate;
import it.labimpact.cooperation.MeetingData;
import it.labimpact.cooperation.MeetingMode;
import it.labimpact.cooperation.MeetingRegistry;
import it.labimpact.cooperation.MeetingStatus;
import it.labimpact.indicator.Approvals;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graph and scorecard pages and the metrics API: an agreement of milano between Comune di Milano and Fondazione
 * ISMU (from 1 Feb 2024, open) shows as a tie in the graph's table and data, in the API's figures and trend; another
 * network is 404, an unknown period 422, both as problem+json.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CooperationMetricsWebTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired Agreements agreements;
    @Autowired MeetingRegistry meetings;
    @Autowired Approvals approvals;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void data() {
        clean();
        TestActors.run(TestActors.coordinator(), () -> agreements.create(new AgreementData(AgreementKind.CO_DESIGN,
                "Accordo di co-progettazione", "milano", List.of(organisation("Comune di Milano"),
                organisation("Fondazione ISMU")), LocalDate.of(2024, 1, 20), LocalDate.of(2024, 2, 1), null, null,
                null)));
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from cooperation_agreement").update();
        jdbc.sql("delete from cooperation_meeting where not demo and held_on = date '2024-05-10'").update();
        jdbc.sql("delete from indicator_submission_step where submission_id in (select id from indicator_submission"
                + " where network_code = 'milano' and period_code = '2024-Q2')").update();
        jdbc.sql("delete from indicator_submission where network_code = 'milano' and period_code = '2024-Q2'").update();
        jdbc.sql("delete from indicator_snapshot where network_code = 'milano' and period_code = '2024-Q2'").update();
    }

    @Test
    void anApprovedQuarterIsShownWithItsApprovedValuesAndSaysSo() throws Exception {
        int submitted = TestActors.call(TestActors.lead("milano"),
                () -> approvals.submit("milano", "2024-Q2", null, null)).version();
        TestActors.run(TestActors.coordinator(), () -> approvals.approve("milano", "2024-Q2", submitted));

        String page = mvc.perform(get("/cooperation/scorecard?period=2024-Q2").locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.lead("milano")))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("valori approvati il ");
        String graph = mvc.perform(get("/cooperation/graph?period=2024-Q2&network=milano").locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.lead("milano")))).andReturn().getResponse().getContentAsString();
        assertThat(graph).contains("id=\"graph-approved\"").contains("le cifre sono i valori approvati il ");
        JsonNode metrics = read("/api/v1/cooperation/metrics?period=2024-Q2&network=milano", TestActors.lead("milano"),
                200);
        assertThat(metrics.get("figures").hasNonNull("approvedAt")).isTrue();
        assertThat(metrics.get("figures").get("activeTies").asInt()).isEqualTo(1);
        // another quarter, not approved, is live
        JsonNode q3 = read("/api/v1/cooperation/metrics?period=2024-Q3&network=milano", TestActors.lead("milano"), 200);
        assertThat(q3.get("figures").hasNonNull("approvedAt")).isFalse();
        assertThat(mvc.perform(get("/cooperation/graph?period=2024-Q3&network=milano").locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.lead("milano")))).andReturn().getResponse().getContentAsString())
                .doesNotContain("graph-approved");
    }

    @Test
    void theGraphPageListsTheTieInItsTableAndData() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/cooperation/graph?period=2024-Q2&network=milano")
                .locale(Locale.ITALIAN).with(TestActors.as(TestActors.operator("milano")))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("id=\"ties-table\"", "Comune di Milano", "Fondazione ISMU", "<span>Accordi</span>: <span>1</span>",
                "data-graph=", "/js/cooperation-graph.js").doesNotContain("<script>");
        MockHttpServletResponse other = mvc.perform(get("/cooperation/graph?network=cremasca")
                .with(TestActors.as(TestActors.operator("milano")))).andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
    }

    @Test
    void theScorecardHasTheProjectAndTheNetworksTheActorReads() throws Exception {
        String all = mvc.perform(get("/cooperation/scorecard?period=2024-Q2").locale(Locale.ENGLISH)
                .with(TestActors.as(TestActors.coordinator()))).andReturn().getResponse().getContentAsString();
        // the agreement runs in Q1 and Q2 alike
        assertThat(all).contains("Whole project", "Rete Milano", "Rete Cremasca", "stable");
        String first = mvc.perform(get("/cooperation/scorecard?period=2024-Q1").locale(Locale.ENGLISH)
                .with(TestActors.as(TestActors.coordinator()))).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("no earlier period").doesNotContain("stable");
        // the trend by quarter: the agreement runs from 2024-Q1 on
        assertThat(all).containsPattern("<th scope=\"row\">2024-Q1</th>\\s*<td class=\"num\">1</td>");
        String own = mvc.perform(get("/cooperation/scorecard?period=2024-Q2")
                .with(TestActors.as(TestActors.lead("milano")))).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("Rete Milano").doesNotContain("Rete Cremasca");
    }

    @Test
    void theDrillDownNamesMeetingsAndAgreementsAndLinksThem() throws Exception {
        long table = jdbc.sql("select id from cooperation_governance_body where kind = 'NETWORK_TABLE'"
                + " and network_code = 'milano'").query(Long.class).single();
        String body = jdbc.sql("select name from cooperation_governance_body where id = :id").param("id", table)
                .query(String.class).single();
        long milano = organisation("Comune di Milano");
        long ismu = organisation("Fondazione ISMU");
        long meeting = TestActors.call(TestActors.coordinator(), () -> {
            long id = meetings.create(new MeetingData(table, LocalDate.of(2024, 5, 10), LocalTime.of(10, 0),
                    LocalTime.of(12, 0), MeetingMode.IN_PERSON, "Sala", null, "Ordine del giorno", null,
                    MeetingStatus.PLANNED, List.of(milano, ismu), null));
            meetings.saveAttendance(id, new MeetingAttendanceUpdate(0, List.of(
                    new MeetingAttendanceUpdate.Entry(milano, true, 1), new MeetingAttendanceUpdate.Entry(ismu, true, 1))));
            return id;
        });
        long agreement = jdbc.sql("select id from cooperation_agreement where title = 'Accordo di co-progettazione'")
                .query(Long.class).single();

        String meetings = mvc.perform(get("/indicators/P1-MEETINGS/records?period=2024-Q2&network=milano")
                .locale(Locale.ITALIAN).with(TestActors.as(TestActors.lead("milano")))).andReturn().getResponse()
                .getContentAsString();
        assertThat(meetings).contains(body + ", 10/05/2024", "/governance/meetings/" + meeting)
                .doesNotContain("#" + meeting + "<");
        String agreements = mvc.perform(get("/indicators/P1-AGREEMENTS/records?period=2024-Q2&network=milano")
                .locale(Locale.ITALIAN).with(TestActors.as(TestActors.lead("milano")))).andReturn().getResponse()
                .getContentAsString();
        assertThat(agreements).contains("Accordo di co-progettazione «Accordo di co-progettazione» – ",
                "Comune di Milano", "Fondazione ISMU", "/agreements/" + agreement)
                .doesNotContain("#" + agreement + "<");
    }

    @Test
    void theApiGivesFiguresTrendAndGraphWithinScope() throws Exception {
        JsonNode metrics = read("/api/v1/cooperation/metrics?period=2024-Q2&network=milano", TestActors.lead("milano"),
                200);
        assertThat(metrics.get("baseline").asString()).isEqualTo("2024-Q1");
        assertThat(metrics.get("figures").get("activeTies").asInt()).isEqualTo(1);
        assertThat(metrics.get("figures").get("crossSectorTies").asInt()).isEqualTo(1);
        // in force from 1 Feb: in the baseline quarter already, so not new in Q2
        assertThat(metrics.get("figures").get("newTies").asInt()).isZero();
        assertThat(metrics.get("trend").get(0).get("quarter").asString()).isEqualTo("2024-Q1");
        assertThat(metrics.get("trend").get(0).get("activeTies").asInt()).isEqualTo(1);

        JsonNode graph = read("/api/v1/cooperation/graph?period=2024-Q2&network=milano", TestActors.evaluator(), 200);
        assertThat(graph.get("ties")).hasSize(1);
        assertThat(graph.get("ties").get(0).get("weights").get("AGREEMENT").asInt()).isEqualTo(1);

        JsonNode foreign = read("/api/v1/cooperation/metrics?network=cremasca", TestActors.operator("milano"), 404);
        assertThat(foreign.get("status").asInt()).isEqualTo(404);
        read("/api/v1/cooperation/graph?period=2019-Q9", TestActors.operator("milano"), 422);
        assertThat(mvc.perform(get("/api/v1/cooperation/metrics")).andReturn().getResponse().getStatus())
                .isIn(401, 302);
    }

    private JsonNode read(String url, Actor actor, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(r.getContentType()).startsWith("application/problem+json");
        }
        return json.readTree(r.getContentAsString());
    }

    private long organisation(String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
    }
}
