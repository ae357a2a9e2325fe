package it.labimpact.cooperation;

import static it.labimpact.cooperation.MeetingFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The governance pages: a lead records a meeting of their network's table, its attendance, a decision and a file
 * (downloaded as an attachment, never sniffed); mistakes come back beside the field; another network's records are
 * 404 by any guessed id, and roles that only read are refused every change.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingPagesTest {

    private static final Actor LEAD = TestActors.lead("milano");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeetingRegistry meetings;

    long milanoTable;
    long cremascaTable;
    long comuneDiMilano;

    @BeforeEach
    void seeded() {
        MeetingFixtures.clean(jdbc);
        milanoTable = MeetingFixtures.table(jdbc, "milano");
        cremascaTable = MeetingFixtures.table(jdbc, "cremasca");
        comuneDiMilano = MeetingFixtures.organisationId(jdbc, "Comune di Milano");
    }

    @AfterEach
    void cleanUp() {
        TestActors.clear();
        MeetingFixtures.clean(jdbc);
    }

    @Test
    void aLeadRecordsAMeetingWithAttendanceADecisionAndAFile() throws Exception {
        MockHttpServletResponse created = send(post("/governance/meetings").param("bodyId", String.valueOf(milanoTable))
                .param("date", TODAY.toString()).param("startTime", "10:00").param("endTime", "12:00")
                .param("mode", "IN_PERSON").param("place", "Sala consiliare").param("agenda", "Mappatura dei servizi")
                .param("status", "PLANNED").param("invitedIds", String.valueOf(comuneDiMilano)), LEAD);
        assertThat(created.getStatus()).isEqualTo(302);
        long id = Long.parseLong(created.getRedirectedUrl().replace("/governance/meetings/", ""));

        assertThat(send(post("/governance/meetings/" + id + "/attendance").param("version", "0")
                .param("present", String.valueOf(comuneDiMilano)).param("people-" + comuneDiMilano, "3"), LEAD)
                .getStatus()).isEqualTo(302);
        assertThat(send(post("/governance/meetings/" + id + "/decisions").param("text", "Aggiornare la mappa")
                .param("ownerOrganisationId", String.valueOf(comuneDiMilano))
                .param("dueOn", TODAY.minusDays(1).toString()), LEAD).getStatus()).isEqualTo(302);
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(mvc.perform(multipart("/governance/meetings/" + id + "/files")
                .file(new MockMultipartFile("file", "verbale.pdf", "text/html", pdf)).with(csrf())
                .with(TestActors.as(LEAD))).andReturn().getResponse().getStatus()).isEqualTo(302);

        String page = html(get("/governance/meetings/" + id), LEAD);
        assertThat(page).contains("Organizzazioni presenti: 1 su 1 invitate; persone presenti: 3.")
                .contains("Svolto").contains("Aggiornare la mappa").contains("Scaduta").contains("verbale.pdf");
        long file = jdbc.sql("select id from cooperation_meeting_file where meeting_id = :m").param("m", id)
                .query(Long.class).single();
        MockHttpServletResponse download = mvc.perform(get("/governance/meetings/" + id + "/files/" + file)
                .with(TestActors.as(TestActors.operator("milano")))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("verbale.pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(html(get("/governance/decisions"), LEAD)).contains("Aggiornare la mappa").contains("Scaduta");
        long decision = jdbc.sql("select id from cooperation_meeting_decision where meeting_id = :m").param("m", id)
                .query(Long.class).single();
        assertThat(send(post("/governance/meetings/" + id + "/decisions/" + decision).param("text", "Aggiornare la mappa")
                .param("ownerOrganisationId", String.valueOf(comuneDiMilano)).param("status", "DONE")
                .param("dueOn", TODAY.minusDays(1).toString()).param("note", "Mappa pubblicata").param("version", "0"),
                LEAD).getStatus()).isEqualTo(302);
        assertThat(html(get("/governance/decisions"), LEAD)).doesNotContain("Aggiornare la mappa");
        assertThat(html(get("/governance/meetings/" + id), LEAD)).contains("Mappa pubblicata").contains("Attuata")
                .doesNotContain("Scaduta");
        assertThat(html(get("/governance/calendar?month=" + TODAY.toString().substring(0, 7)), LEAD))
                .contains("/governance/meetings/" + id + "\"");
        assertThat(html(get("/governance/meetings?network=milano&from=" + TODAY + "&to=" + TODAY), LEAD))
                .contains("/governance/meetings/" + id + "\"");
    }

    @Test
    void aFileThatIsNotOfAnAcceptedTypeIsRefusedWithAMessage() throws Exception {
        long id = TestActors.call(LEAD, () -> meetings.create(MeetingFixtures.meeting(milanoTable, TODAY, List.of())));

        var result = mvc.perform(multipart("/governance/meetings/" + id + "/files")
                .file(new MockMultipartFile("file", "verbale.pdf", "application/pdf",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(TestActors.as(LEAD))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("errorKey")).isEqualTo("governance.file.type");
        assertThat(jdbc.sql("select count(*) from cooperation_meeting_file where meeting_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void mistakesInTheMeetingFormComeBackBesideTheFieldWithWhatWasTyped() throws Exception {
        long meetingsBefore = MeetingFixtures.meetingCount(jdbc);
        String page = html(post("/governance/meetings").with(csrf()).param("bodyId", String.valueOf(milanoTable))
                .param("date", TODAY.plusDays(3).toString()).param("mode", "ONLINE").param("place", "Sala blu")
                .param("status", "PLANNED"), LEAD);

        assertThat(page).contains("id=\"link-error\"").contains("aria-invalid=\"true\"").contains("Sala blu");
        assertThat(MeetingFixtures.meetingCount(jdbc)).as("no meeting recorded").isEqualTo(meetingsBefore);
    }

    @Test
    void anotherNetworksBodiesMeetingsDecisionsAndFilesAreNotFoundByGuessedIds() throws Exception {
        long cremasca = TestActors.call(TestActors.coordinator(), () -> {
            long m = meetings.create(MeetingFixtures.meeting(cremascaTable, TODAY, List.of()));
            meetings.addDecision(m, new MeetingDecisionData("Decisione cremasca",
                    MeetingFixtures.organisationId(jdbc, "Comunità Sociale Cremasca"), null, null, null, null));
            meetings.addFile(m, "v.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
            return m;
        });
        long decision = jdbc.sql("select id from cooperation_meeting_decision where meeting_id = :m")
                .param("m", cremasca).query(Long.class).single();
        long file = jdbc.sql("select id from cooperation_meeting_file where meeting_id = :m").param("m", cremasca)
                .query(Long.class).single();
        var before = snapshot();

        for (Actor actor : List.of(LEAD, TestActors.operator("milano"))) {
            for (String page : List.of("/governance/bodies/" + cremascaTable, "/governance/meetings/" + cremasca,
                    "/governance/meetings/" + cremasca + "/files/" + file, "/api/v1/meetings/" + cremasca,
                    "/api/v1/governance/bodies/" + cremascaTable)) {
                assertThat(send(get(page), actor).getStatus()).as(actor.username() + " " + page).isEqualTo(404);
            }
            assertThat(html(get("/governance/meetings"), actor)).doesNotContain("/governance/meetings/" + cremasca + "\"");
            assertThat(html(get("/governance/decisions"), actor)).doesNotContain("Decisione cremasca");
        }
        assertThat(send(post("/governance/meetings/" + cremasca + "/decisions/" + decision).param("text", "Presa")
                .param("ownerOrganisationId", String.valueOf(comuneDiMilano)).param("status", "DONE")
                .param("version", "0"), LEAD).getStatus()).isEqualTo(404);
        assertThat(send(post("/governance/meetings/" + cremasca + "/attendance").param("version", "0"), LEAD)
                .getStatus()).isEqualTo(404);
        assertThat(send(post("/governance/meetings/" + cremasca + "/files/" + file + "/delete"), LEAD).getStatus())
                .isEqualTo(404);
        assertThat(send(post("/governance/meetings").param("bodyId", String.valueOf(cremascaTable))
                .param("date", TODAY.toString()).param("mode", "IN_PERSON").param("place", "x")
                .param("status", "PLANNED"), LEAD).getStatus()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rolesThatOnlyReadAreRefusedEveryChange() throws Exception {
        long milano = TestActors.call(LEAD, () -> meetings.create(MeetingFixtures.meeting(milanoTable, TODAY,
                List.of())));
        var before = snapshot();
        for (Actor reader : List.of(TestActors.operator("milano"), TestActors.evaluator())) {
            assertThat(send(get("/governance/meetings/" + milano), reader).getStatus()).isEqualTo(200);
            assertThat(send(get("/governance/meetings/new?body=" + milanoTable), reader).getStatus()).isEqualTo(403);
            assertThat(send(get("/governance/bodies/new"), reader).getStatus()).isEqualTo(403);
            assertThat(send(post("/governance/meetings/" + milano + "/attendance").param("version", "0"), reader)
                    .getStatus()).isEqualTo(403);
            assertThat(send(post("/governance/bodies").param("kind", "WORKING_GROUP").param("name", "Gruppo"),
                    reader).getStatus()).isEqualTo(403);
        }
        assertThat(send(get("/governance/meetings/new?body=" + MeetingFixtures.steeringGroup(jdbc)), LEAD)
                .getStatus()).as("a lead does not manage the steering group").isEqualTo(403);
        assertThat(send(get("/governance/meetings/new?body=" + MeetingFixtures.steeringGroup(jdbc)),
                MeetingFixtures.governance()).getStatus()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aLeadCreatesAWorkingGroupOfTheirNetworkAndNotOfAnother() throws Exception {
        String refused = html(post("/governance/bodies").with(csrf()).param("kind", "WORKING_GROUP")
                .param("networkCode", "cremasca").param("name", "Gruppo lavoro"), LEAD);
        assertThat(refused).contains("id=\"networkCode-error\"").contains("Gruppo lavoro");

        MockHttpServletResponse created = send(post("/governance/bodies").param("kind", "WORKING_GROUP")
                .param("networkCode", "milano").param("name", "Gruppo lavoro")
                .param("organisationIds", String.valueOf(comuneDiMilano)), LEAD);
        assertThat(created.getStatus()).isEqualTo(302);
        assertThat(html(get(created.getRedirectedUrl()), TestActors.operator("milano"))).contains("Gruppo lavoro")
                .contains("Comune di Milano").contains("Gruppo di lavoro tematico");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(csrf()).with(TestActors.as(actor)).locale(Locale.ITALIAN)).andReturn()
                .getResponse();
    }

    private String html(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = send(request, actor);
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString();
    }

    private List<List<Map<String, Object>>> snapshot() {
        return List.of(
                jdbc.sql("select id, held_on, status, minutes, version from cooperation_meeting order by id").query()
                        .listOfRows(),
                jdbc.sql("select * from cooperation_meeting_attendance order by meeting_id, organisation_id").query()
                        .listOfRows(),
                jdbc.sql("select id, status, version from cooperation_meeting_decision order by id").query()
                        .listOfRows(),
                jdbc.sql("select id, filename from cooperation_meeting_file order by id").query().listOfRows(),
                jdbc.sql("select id, name, version from cooperation_governance_body order by id").query()
                        .listOfRows());
    }
}
