package it.labimpact.report.web;

import static it.labimpact.report.web.DashboardHtml.cells;
import static it.labimpact.report.web.DashboardHtml.page;
import static it.labimpact.report.web.DashboardHtml.person;
import static it.labimpact.report.web.DashboardHtml.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.IndicatorFixtures;
import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The dashboards show the engine's numbers for a small dataset built through the modules' facades, keep each
 * network's staff to their own network (404 elsewhere, also on the drill-down), show evaluators published values
 * with small cells marked "n.d.", and list the records behind a number by pseudonymous id only.
 *
 * <pre>
 * Second quarter of 2025:
 *   Milano (M): Italian course in Milano, one session on 07/04 attended by 6 persons living in Milano:
 *               4 women (MA), 2 men (EG).
 *   Cremasca (C): information desk in Crema, one session on 15/04 attended by 2 women (AL) living in Crema.
 * Expected AMIF-O3 (persons present at an activity of actions 02/03): project 8, M 6, C 2; by sex F 6, M 2;
 *   by comune Milano 6, Crema 2. P0-ACTIVITIES: 2 (M 1, C 1). Target AMIF-O3 project 2025-Q2 = 16, so 50%.
 * Published (threshold 5): C's 2 is suppressed, and M's 6 with it (8 - 6 would give it away); by sex M 2 is
 *   suppressed (and F with it, for the same reason); Crema's 2 on the map is suppressed.
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesTest {

    static final String M = "milano";
    static final String C = "cremasca";
    static final String MILANO = "015146";
    static final String CREMA = "019035";
    static final String Q2 = "2025-Q2";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityManagement activities;
    @Autowired ParticipantRegistry registry;
    @Autowired Enrolments enrolments;

    long course;
    long desk;
    final List<UUID> milanoPeople = new ArrayList<>();
    final List<UUID> cremascaPeople = new ArrayList<>();

    @BeforeAll
    void dataset() {
        clean();
        course = activity(M, "ITALIAN_L2", MILANO);
        desk = activity(C, "INFO_DESK", CREMA);
        long s1 = data().session(course, "2025-04-07");
        long d1 = data().session(desk, "2025-04-15");
        for (int i = 0; i < 6; i++) {
            milanoPeople.add(data().register(M, person("Milano" + (char) ('A' + i), i < 4 ? Sex.F : Sex.M,
                    i < 4 ? "MA" : "EG", MILANO)));
        }
        for (int i = 0; i < 2; i++) {
            cremascaPeople.add(data().register(C, person("Crema" + (char) ('A' + i), Sex.F, "AL", CREMA)));
        }
        attend(M, course, s1, milanoPeople);
        attend(C, desk, d1, cremascaPeople);
        jdbc.sql("""
                insert into indicator_target (indicator_code, network_code, period_code, target, set_by)
                values ('AMIF-O3', null, :p, 16, 'test')""").param("p", Q2).update();
    }

    @AfterAll
    void clean() {
        jdbc.sql("delete from indicator_target where set_by = 'test'").update();
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant_match_review",
                "participant_near_key", "participant_identity", "participant_vault", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void theProjectDashboardShowsTheComputedNumbersAgainstTheTarget() throws Exception {
        String page = page(mvc, "/dashboard?period=" + Q2, TestActors.coordinator());
        String progress = row(page, "data-indicator=\"AMIF-O3\"");
        assertThat(cells(progress)).as("value, target, percent").startsWith("8", "16", "50%");
        assertThat(cells(row(page, "data-indicator=\"P0-ACTIVITIES\""))).startsWith("2");
        assertThat(cells(row(page, "data-network=\"milano\""))).as("AMIF-O3 … P0-ACTIVITIES").first().isEqualTo("6");
        assertThat(cells(row(page, "data-network=\"cremasca\""))).first().isEqualTo("2");
        assertThat(page).contains("Le righe delle reti non si sommano necessariamente al totale di progetto")
                .contains("href=\"/indicators/AMIF-O3/records?period=" + Q2 + "&amp;network=cremasca\"")
                .doesNotContain("figure-suppressed");
        assertThat(cells(row(page, "data-key=\"" + CREMA + "\""))).containsExactly("2");
        assertThat(cells(row(page, "data-key=\"F\""))).containsExactly("6");
    }

    @Test
    void anUnknownPeriodFallsBackToTheProjectToDateWithAMessage() throws Exception {
        String page = page(mvc, "/dashboard?period=1999", TestActors.coordinator());
        assertThat(page).contains("Il periodo 1999 precede l&#39;inizio del progetto.")
                .containsPattern("<option value=\"PTD\" selected=\"selected\">");
    }

    @Test
    void theMapShowsTheChosenMeasurePerComuneOrPerNetwork() throws Exception {
        String participants = mapTable(page(mvc, "/dashboard?period=" + Q2, TestActors.coordinator()));
        assertThat(cells(row(participants, "data-key=\"" + MILANO + "\""))).containsExactly("6");
        String activitiesRun = mapTable(page(mvc, "/dashboard?metric=activities&period=" + Q2, TestActors.coordinator()));
        assertThat(cells(row(activitiesRun, "data-key=\"" + MILANO + "\""))).containsExactly("1");
        assertThat(cells(row(activitiesRun, "data-key=\"" + CREMA + "\""))).containsExactly("1");
        String perNetwork = mapTable(page(mvc, "/dashboard?mode=network&period=" + Q2, TestActors.coordinator()));
        assertThat(cells(row(perNetwork, "data-key=\"milano\""))).containsExactly("6");
        assertThat(cells(row(perNetwork, "data-key=\"cremasca\""))).containsExactly("2");
    }

    @Test
    void theTrendCountsEachQuarter() throws Exception {
        MvcResult r = mvc.perform(get("/dashboard").param("period", Q2).locale(Locale.ITALIAN)
                .with(TestActors.as(TestActors.coordinator()))).andReturn();
        DashboardView view = (DashboardView) r.getModelAndView().getModel().get("view");
        assertThat(view.trend().rows()).filteredOn(t -> t.quarter().equals("2° trimestre 2025")).singleElement()
                .satisfies(t -> assertThat(t.values().get(0).value()).isEqualByComparingTo("8"));
        assertThat(view.trend().rows()).filteredOn(t -> t.quarter().equals("1° trimestre 2025")).singleElement()
                .satisfies(t -> assertThat(t.values().get(0).value()).isEqualByComparingTo("0"));
    }

    @Test
    void networkStaffSeeTheirOwnNetworkRawAndNoOtherNetwork() throws Exception {
        Actor operator = TestActors.operator(M);
        String own = page(mvc, "/dashboard/networks/milano?period=" + Q2, operator);
        assertThat(cells(row(own, "data-indicator=\"AMIF-O3\""))).first().isEqualTo("6");
        assertThat(cells(row(own, "data-key=\"M\""))).as("small cell shown raw to the network's staff")
                .containsExactly("2");
        assertThat(own).doesNotContain("figure-suppressed").doesNotContain("data-network=\"cremasca\"");

        assertThat(status("/dashboard/networks/cremasca?period=" + Q2, operator)).isEqualTo(404);
        assertThat(status("/indicators/AMIF-O3/records?period=" + Q2 + "&network=cremasca", operator)).isEqualTo(404);
        assertThat(status("/indicators/AMIF-O3/records?period=" + Q2, operator)).as("project list").isEqualTo(404);
        assertThat(status("/dashboard/networks/nowhere", TestActors.coordinator())).isEqualTo(404);
        MockHttpServletResponse project = mvc.perform(get("/dashboard").param("period", Q2)
                .with(TestActors.as(operator))).andReturn().getResponse();
        assertThat(project.getRedirectedUrl()).isEqualTo("/dashboard/networks/milano?period=" + Q2);
    }

    @Test
    void evaluatorsSeePublishedValuesWithSmallCellsMarkedAndNoRecords() throws Exception {
        String page = page(mvc, "/dashboard?period=" + Q2, TestActors.evaluator());
        assertThat(cells(row(page, "data-indicator=\"AMIF-O3\""))).first().isEqualTo("8");
        assertThat(row(page, "data-network=\"cremasca\"")).contains("class=\"figure-suppressed\">n.d.<");
        assertThat(cells(row(page, "data-network=\"milano\""))).as("8 - 6 would give C's 2 away").first()
                .isEqualTo("n.d.");
        assertThat(cells(row(page, "data-key=\"M\""))).containsExactly("n.d.");
        assertThat(cells(row(page, "data-key=\"" + CREMA + "\""))).containsExactly("n.d.");
        assertThat(page).contains("n.d. = non diffuso").doesNotContain("/records?");
        assertThat(status("/indicators/AMIF-O3/records?period=" + Q2, TestActors.evaluator())).isEqualTo(403);

        String network = page(mvc, "/dashboard/networks/milano?period=" + Q2, TestActors.evaluator());
        assertThat(cells(row(network, "data-key=\"M\""))).containsExactly("n.d.");

        String asPublished = page(mvc, "/dashboard?published=true&period=" + Q2, TestActors.coordinator());
        assertThat(row(asPublished, "data-network=\"cremasca\"")).contains("n.d.");
        assertThat(asPublished).doesNotContain("/indicators/AMIF-O3/records");
    }

    @Test
    void theDrillDownListsTheRecordsByPseudonymousIdOnly() throws Exception {
        String people = page(mvc, "/indicators/AMIF-O3/records?period=" + Q2 + "&network=cremasca", TestActors.lead(C));
        assertThat(ids(people)).containsExactlyInAnyOrderElementsOf(cremascaPeople.stream().map(UUID::toString)
                .toList());
        assertThat(people).contains("href=\"/participants/" + cremascaPeople.get(0) + "\"")
                .doesNotContain("CremaA").doesNotContain("Zanardelli");

        String men = page(mvc, "/indicators/AMIF-O3/records?period=" + Q2 + "&dimension=SEX&key=M",
                TestActors.coordinator());
        assertThat(ids(men)).containsExactlyInAnyOrderElementsOf(milanoPeople.subList(4, 6).stream()
                .map(UUID::toString).toList());

        String run = page(mvc, "/indicators/P0-ACTIVITIES/records?period=" + Q2 + "&network=milano",
                TestActors.operator(M));
        assertThat(ids(run)).containsExactly(Long.toString(course));
        assertThat(run).contains("href=\"/activities/" + course + "\"").contains("ITALIAN_L2 – cruscotto");
    }

    private int status(String url, Actor actor) throws Exception {
        return mvc.perform(get(url).with(TestActors.as(actor))).andReturn().getResponse().getStatus();
    }

    private static String mapTable(String page) {
        return page.substring(page.indexOf("id=\"map-table\""));
    }

    private static List<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("data-id=\"([^\"]+)\"").matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private long activity(String network, String type, String comune) {
        return data().activity(type + " – cruscotto", network, type, comune, "2025-04-01", "2025-06-30", List.of());
    }

    private void attend(String network, long activity, long session, List<UUID> people) {
        data().attend(network, activity, session, people, "2025-04-01");
    }

    private IndicatorFixtures data() {
        return new IndicatorFixtures(activities, registry, enrolments, jdbc);
    }
}
