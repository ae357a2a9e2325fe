package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.SessionData;
import it.labimpact.shared.Actor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The enrolment pages render completely in Italian and English; the register's session form saves a whole
 * session or nothing; the API answers 409 on a stale version and 404 across networks; evaluators reach nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnrolmentPagesTest {

    static final LocalDate BORN = LocalDate.of(1990, 3, 12);
    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    Enrolments enrolments;

    @Autowired
    ActivityManagement management;

    UUID awa;
    UUID karim;
    EnrolmentFixtures.Course course;
    long awaEnrolment;
    long karimEnrolment;
    long future;

    @BeforeEach
    void data() {
        EnrolmentFixtures.reset(jdbc);
        awa = register(registry, jdbc, MILANO, person("Ndiaye", "Awa", BORN, null)).participantId();
        karim = register(registry, jdbc, MILANO, person("Mohamed", "Karim", BORN, null)).participantId();
        course = EnrolmentFixtures.course(management, jdbc, "milano", "4", "2", "2");
        TestActors.actAs(TestActors.coordinator());
        future = management.addSession(course.id(), new SessionData(LocalDate.now().plusDays(2), null, null,
                BigDecimal.ONE, null, null));
        TestActors.actAs(MILANO);
        awaEnrolment = enrolments.enrol(awa, course.id(), null).id();
        karimEnrolment = enrolments.enrol(karim, course.id(), null).id();
        TestActors.clear();
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        EnrolmentFixtures.reset(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void everyEnrolmentPageRenders(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        for (String page : List.of("/activities/" + course.id() + "/register",
                "/activities/" + course.id() + "/register?session=" + course.sessions().get(1),
                "/activities/" + course.id() + "/register?session=" + future,
                "/activities/" + course.id() + "/enrolments", "/activities/" + course.id() + "/enrolments?q=ndi",
                "/participants/" + awa, "/activities/" + course.id())) {
            assertRendered(get(page).locale(locale), MILANO, page);
        }
        String register = assertRendered(get("/activities/" + course.id() + "/register").locale(locale), MILANO,
                "register");
        assertThat(register).contains("Ndiaye Awa").contains("Mohamed Karim").contains("/js/register.js")
                .doesNotContain("<script>").contains("id=\"grid-" + course.sessions().get(0) + "\"")
                .doesNotContain("id=\"grid-" + future + "\"");
        String search = assertRendered(get("/activities/" + course.id() + "/enrolments?q=ndi").locale(locale),
                MILANO, "search");
        assertThat(search).contains("name=\"participantId\"");
        String record = assertRendered(get("/participants/" + awa).locale(locale), MILANO, "record");
        assertThat(record).contains("id=\"enrolments\"").contains("Corso di italiano – test");
    }

    @Test
    void aSessionFormSavesEveryCellOrNone() throws Exception {
        long session = course.sessions().get(0);
        String path = "/activities/" + course.id() + "/register/" + session;
        MvcResult bad = perform(post(path).with(csrf()).param("version", "0")
                .param("enrolment", String.valueOf(awaEnrolment), String.valueOf(karimEnrolment))
                .param("present", String.valueOf(awaEnrolment), String.valueOf(karimEnrolment))
                .param("hours-" + karimEnrolment, "3"), MILANO);
        assertThat(bad.getResponse().getStatus()).isEqualTo(302);
        assertThat(bad.getFlashMap().get("errorKey")).isEqualTo("attendance.hours.aboveSession");
        assertThat(count()).isZero();

        MvcResult good = perform(post(path).with(csrf()).param("version", "0")
                .param("enrolment", String.valueOf(awaEnrolment), String.valueOf(karimEnrolment))
                .param("present", String.valueOf(awaEnrolment)), MILANO);
        assertThat(good.getFlashMap().get("success")).isEqualTo("register.saved");
        assertThat(jdbc.sql("select count(*) from participant_attendance where present").query(Long.class).single())
                .isEqualTo(1);
        assertThat(count()).isEqualTo(2);

        MvcResult stale = perform(post(path).with(csrf()).param("version", "0")
                .param("enrolment", String.valueOf(awaEnrolment)), MILANO);
        assertThat(stale.getFlashMap().get("errorKey")).isEqualTo("edit.conflict");
        assertThat(jdbc.sql("select count(*) from participant_attendance where present").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theRecordEnrolsWithdrawsWithAReasonAndReinstates() throws Exception {
        EnrolmentFixtures.Course other = EnrolmentFixtures.course(management, jdbc, "milano", "2", "2");
        java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
        MvcResult enrolled = perform(post("/participants/" + awa + "/enrolments").with(csrf())
                .param("activityId", String.valueOf(other.id())).param("enrolledOn", yesterday.toString()), MILANO);
        assertThat(enrolled.getFlashMap().get("success")).isEqualTo("enrolment.enrolled");
        assertThat(jdbc.sql("select enrolled_on from participant_enrolment where activity_id = :a")
                .param("a", other.id()).query(java.time.LocalDate.class).single()).isEqualTo(yesterday);
        MvcResult twice = perform(post("/participants/" + awa + "/enrolments").with(csrf())
                .param("activityId", String.valueOf(other.id())), MILANO);
        assertThat(twice.getFlashMap().get("errorKey")).isEqualTo("enrolment.duplicate");

        String path = "/participants/" + awa + "/enrolments/" + awaEnrolment;
        MvcResult noReason = perform(post(path).with(csrf()).param("version", "0").param("status", "WITHDRAWN")
                .param("reason", ""), MILANO);
        assertThat(noReason.getFlashMap().get("errorKey")).isEqualTo("enrolment.reason.required");
        perform(post(path).with(csrf()).param("version", "0").param("status", "WITHDRAWN")
                .param("reason", "Moved to Bergamo"), MILANO);
        assertThat(enrolmentReason()).isEqualTo("Moved to Bergamo");
        assertThat(assertRendered(get("/participants/" + awa), MILANO, "record")).contains("Moved to Bergamo");
        perform(post(path).with(csrf()).param("version", "1").param("status", "ENROLLED"), MILANO);
        assertThat(enrolmentReason()).isEmpty();
        assertThat(send(post("/participants/" + karim + "/enrolments/" + awaEnrolment).with(csrf())
                .param("version", "2").param("status", "WITHDRAWN").param("reason", "Wrong person"), MILANO)
                .getStatus()).isEqualTo(404);
        assertThat(send(post("/activities/" + course.id() + "/enrolments").with(csrf())
                .param("participantId", awa.toString()), CREMASCA).getStatus()).isEqualTo(404);
    }

    @Test
    void theApiAnswersConflictsAndHidesOtherNetworks() throws Exception {
        String body = "{\"version\": 0, \"status\": \"WITHDRAWN\", \"reason\": \"Moved\"}";
        assertThat(send(put("/api/v1/enrolments/" + awaEnrolment).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body), MILANO).getStatus()).isEqualTo(200);
        MockHttpServletResponse conflict = send(put("/api/v1/enrolments/" + awaEnrolment).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("Moved", "Other")), MILANO);
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(enrolmentReason()).isEqualTo("Moved");

        assertThat(send(get("/api/v1/enrolments/" + karimEnrolment), CREMASCA).getStatus()).isEqualTo(404);
        assertThat(send(put("/api/v1/enrolments/" + karimEnrolment).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"status\": \"WITHDRAWN\", \"reason\": \"x1\"}"), CREMASCA).getStatus())
                .isEqualTo(404);
        assertThat(send(get("/api/v1/enrolments?activityId=" + course.id()), CREMASCA).getContentAsString())
                .contains("\"total\":0");
        assertThat(send(get("/api/v1/activities/" + course.id() + "/attendance"), CREMASCA).getStatus()).isEqualTo(404);
        assertThat(send(get("/activities/" + course.id() + "/register"), CREMASCA).getStatus()).isEqualTo(404);
        assertThat(send(put("/api/v1/activities/" + course.id() + "/attendance/" + course.sessions().get(0))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"marks\": [{\"enrolmentId\": " + karimEnrolment + ", \"present\": true}]}"),
                CREMASCA).getStatus()).isEqualTo(404);
        assertThat(count()).isZero();

        assertThat(send(get("/activities/" + course.id() + "/register"), TestActors.evaluator()).getStatus())
                .isEqualTo(403);
        assertThat(send(get("/api/v1/enrolments"), TestActors.evaluator()).getStatus()).isEqualTo(403);

        MockHttpServletResponse grid = send(get("/api/v1/activities/" + course.id() + "/attendance"), MILANO);
        assertThat(grid.getStatus()).isEqualTo(200);
        assertThat(grid.getContentAsString()).contains("Mohamed Karim").contains("sessionVersions");
        MockHttpServletResponse created = send(post("/api/v1/enrolments").with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"participantId\": \"" + karim + "\", \"activityId\": " + course.id() + "}"), MILANO);
        assertThat(created.getStatus()).isEqualTo(422);
        MockHttpServletResponse recomputed = send(post("/api/v1/enrolments/" + karimEnrolment + "/recompute")
                .with(csrf()), MILANO);
        assertThat(recomputed.getStatus()).isEqualTo(200);
        assertThat(recomputed.getContentAsString()).contains("\"status\":\"ENROLLED\"");
        assertThat(send(post("/api/v1/enrolments/" + karimEnrolment + "/recompute").with(csrf()), CREMASCA)
                .getStatus()).isEqualTo(404);
        assertThat(created.getContentAsString()).contains("participantId");
    }

    private String enrolmentReason() {
        return jdbc.sql("select coalesce(withdrawal_reason, '') from participant_enrolment where id = :id").param("id", awaEnrolment)
                .query(String.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from participant_attendance").query(Long.class).single();
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestActors.as(actor))).andReturn();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
    }

    private String assertRendered(MockHttpServletRequestBuilder request, Actor actor, String what) throws Exception {
        MockHttpServletResponse r = send(request, actor);
        String body = r.getContentAsString();
        assertThat(r.getStatus()).as(what + " status").isEqualTo(200);
        assertThat(body).as(what + " complete").contains("</html>");
        assertThat(body).as(what + " has unresolved message keys").doesNotContain("??");
        return body;
    }
}
