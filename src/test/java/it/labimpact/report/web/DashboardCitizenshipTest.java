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
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Citizenship is shown as the ten largest groups and one row for the others, hidden in published values when it
 * holds a hidden cell.
 *
 * <pre>
 * Third quarter of 2025, Milano: an Italian course, one session on 07/07 attended by 14 persons:
 *   3 from MA, and one each from AL, BD, CN, EC, EG, IN, NG, PE, PK, SN, UA.
 * By citizenship (largest first, then by code): MA 3, AL, BD, CN, EC, EG, IN, NG, PE, PK 1 each — the top ten —
 *   then "others": SN + UA = 2 (two citizenships).
 * Published (threshold 5): every citizenship cell is under 5, so all are hidden, and "others" with them.
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardCitizenshipTest {

    static final String M = "milano";
    static final String MILANO = "015146";
    static final String Q3 = "2025-Q3";
    static final List<String> COUNTRIES = List.of("MA", "MA", "MA", "AL", "BD", "CN", "EC", "EG", "IN", "NG", "PE",
            "PK", "SN", "UA");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityManagement activities;
    @Autowired ParticipantRegistry registry;
    @Autowired Enrolments enrolments;

    @BeforeAll
    void dataset() {
        clean();
        long course = activity(M, "ITALIAN_L2", MILANO);
        long session = data().session(course, "2025-07-07");
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < COUNTRIES.size(); i++) {
            people.add(data().register(M, person("Persona" + (char) ('A' + i), Sex.F, COUNTRIES.get(i), MILANO)));
        }
        attend(M, course, session, people);
    }

    @AfterAll
    void clean() {
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant_match_review",
                "participant_near_key", "participant_identity", "participant_vault", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void theTenLargestCitizenshipsAndOneRowForTheOthers() throws Exception {
        String table = citizenship(page(mvc, "/dashboard?period=" + Q3, TestActors.coordinator()));
        assertThat(keys(table)).containsExactly("MA", "AL", "BD", "CN", "EC", "EG", "IN", "NG", "PE", "PK", "others");
        assertThat(cells(row(table, "data-key=\"MA\""))).containsExactly("3");
        assertThat(row(table, "data-key=\"others\"")).contains("Altre (2 cittadinanze)");
        assertThat(cells(row(table, "data-key=\"others\""))).containsExactly("2");
    }

    @Test
    void publishedOthersAreHiddenWithTheCellsTheyHold() throws Exception {
        String table = citizenship(page(mvc, "/dashboard?period=" + Q3, TestActors.evaluator()));
        assertThat(cells(row(table, "data-key=\"others\""))).containsExactly("n.d.");
        assertThat(cells(row(table, "data-key=\"MA\""))).containsExactly("n.d.");
    }

    private static String citizenship(String page) {
        int start = page.indexOf("id=\"breakdown-citizenship-table\"");
        return page.substring(start, page.indexOf("</table>", start));
    }

    private static List<String> keys(String table) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("data-key=\"([^\"]+)\"").matcher(table);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private long activity(String network, String type, String comune) {
        return data().activity(type + " – cruscotto", network, type, comune, "2025-07-01", "2025-09-30", List.of());
    }

    private void attend(String network, long activity, long session, List<UUID> people) {
        data().attend(network, activity, session, people, "2025-07-01");
    }

    private IndicatorFixtures data() {
        return new IndicatorFixtures(activities, registry, enrolments, jdbc);
    }
}
