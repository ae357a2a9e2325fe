package it.labimpact.cooperation.referral;

import static it.labimpact.cooperation.referral.ReferralFixtures.lead;
import static it.labimpact.cooperation.referral.ReferralFixtures.referral;
import static it.labimpact.cooperation.referral.ReferralFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.Agreements;
import it.labimpact.cooperation.ReferralSharing;
import it.labimpact.cooperation.Referrals;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
 * The agreement and referral pages in Italian and English: they render whole for both sides, the forms show their
 * errors beside the fields, contacts appear only when the receiving side asks and the consent covers them, and the
 * receiving side registers and enrols the person from the referral's page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralPagesTest {

    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    Referrals referrals;

    @Autowired
    Agreements agreements;

    @Autowired
    ActivityManagement activities;

    @BeforeEach
    @AfterEach
    void clean() {
        ReferralFixtures.clean(jdbc);
    }

    @Test
    void everyPageRendersForBothSidesInBothLanguages() throws Exception {
        UUID participant = registered(registry, jdbc, "milano");
        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.REGISTRATION)));
        long agreement = TestActors.call(TestActors.coordinator(), () -> agreements.create(new AgreementData(
                AgreementKind.SERVICE, "Convenzione CPIA", "milano", List.of(lead(jdbc, "milano"),
                lead(jdbc, "cremasca")), LocalDate.now(), LocalDate.now(), null, null, null)));
        for (String lang : List.of("it", "en")) {
            for (Actor actor : List.of(MILANO, CREMASCA, TestActors.coordinator())) {
                for (String page : List.of("/referrals", "/referrals?box=SENT", "/referrals?box=RECEIVED&status=SENT",
                        "/referrals/" + id, "/referrals/new", "/referrals/new?participant=" + participant,
                        "/agreements", "/agreements?network=PROJECT&kind=SERVICE&inForceOn=2026-01-01",
                        "/agreements/" + agreement)) {
                    rendered(get(page).locale(Locale.forLanguageTag(lang)), actor, page);
                }
            }
            rendered(get("/agreements/new").locale(Locale.forLanguageTag(lang)), TestActors.lead("milano"), "new");
            rendered(get("/agreements/" + agreement + "/edit").locale(Locale.forLanguageTag(lang)),
                    TestActors.lead("milano"), "edit");
            rendered(get("/referrals/new?q=Dia").locale(Locale.forLanguageTag(lang)), MILANO, "search");
        }
        assertThat(rendered(get("/referrals/new?q=Dia"), MILANO, "search")).contains("Diallo")
                .contains("/referrals/new?participant=" + participant);
        assertThat(rendered(get("/participants/" + participant), MILANO, "record"))
                .contains("/referrals/new?participant=" + participant);
    }

    @Test
    void theReceivingSideSeesContactsOnlyWhenItAsksAndTheReadIsAudited() throws Exception {
        UUID participant = registered(registry, jdbc, "milano");
        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.CONTACTS)));

        String page = rendered(get("/referrals/" + id), CREMASCA, "inbox item");
        assertThat(page).doesNotContain("Diallo", "7654321", participant.toString()).contains("contacts=true");
        long before = ReferralFixtures.lastAuditId(jdbc);
        String withContacts = rendered(get("/referrals/" + id + "?contacts=true"), CREMASCA, "contacts");
        assertThat(withContacts).contains("Diallo Mamadou", "+39 333 7654321", "mamadou@example.org");
        assertThat(ReferralFixtures.auditSince(jdbc, before)).anyMatch(a -> a.startsWith("participant.read "
                + participant));
        // the sending side asking for contacts through the referral gets none
        assertThat(rendered(get("/referrals/" + id + "?contacts=true"), MILANO, "sender")).doesNotContain("id=\"contacts\"");
    }

    @Test
    void formsShowTheirErrorsBesideTheFields() throws Exception {
        UUID participant = registered(registry, jdbc, "milano");
        String noConsent = rendered(post("/referrals").with(csrf()).locale(Locale.ITALIAN)
                .param("participantId", participant.toString())
                .param("to", "cremasca:" + lead(jdbc, "cremasca")).param("service", "ITALIAN_COURSE")
                .param("consentOn", LocalDate.now().toString()).param("consentNotice", "Modulo v1")
                .param("sharing", "PROFILE"), MILANO, "no consent");
        assertThat(noConsent).contains("consent-error").contains("Senza il consenso espresso della persona");
        String noReceiver = rendered(post("/referrals").with(csrf()).locale(Locale.ENGLISH)
                .param("participantId", participant.toString()).param("service", "ITALIAN_COURSE")
                .param("consent", "true"), MILANO, "no receiver");
        assertThat(noReceiver).contains("to-error").contains("aria-invalid=\"true\"");
        String badId = rendered(post("/referrals").with(csrf()).locale(Locale.ENGLISH)
                .param("participantId", "not-an-id"), MILANO, "bad id");
        assertThat(badId).contains("participantId-error");
        assertThat(jdbc.sql("select count(*) from cooperation_referral where participant_id = :p")
                .param("p", participant).query(Long.class).single()).as("nothing sent for this person").isZero();

        String agreement = rendered(post("/agreements").with(csrf()).locale(Locale.ITALIAN).param("kind", "PROTOCOL")
                .param("title", "Protocollo").param("networkCode", "milano")
                .param("partyIds", String.valueOf(lead(jdbc, "milano")))
                .param("signedOn", LocalDate.now().toString()).param("validFrom", LocalDate.now().toString()),
                TestActors.lead("milano"), "agreement");
        assertThat(agreement).contains("partyIds-error").contains("almeno due parti");
    }

    @Test
    void theReceivingSideTakesInChargeRegistersAndEnrolsFromThePage() throws Exception {
        UUID participant = registered(registry, jdbc, "milano");
        long course = ReferralFixtures.course(activities, jdbc, "cremasca");
        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.REGISTRATION)));

        assertThat(redirect(post("/referrals/" + id + "/take-in-charge").param("version", "0"), CREMASCA))
                .isEqualTo("/referrals/" + id);
        redirect(post("/referrals/" + id + "/register"), CREMASCA);
        assertThat(TestActors.call(CREMASCA, () -> referrals.receivingRecord(id))).isEmpty();
        redirect(post("/referrals/" + id + "/register").param("noticeAccepted", "true"), CREMASCA);
        UUID record = TestActors.call(CREMASCA, () -> referrals.receivingRecord(id)).orElseThrow();

        String page = rendered(get("/referrals/" + id), CREMASCA, "registered");
        assertThat(page).contains("/participants/" + record).contains("Corso di italiano A2");
        redirect(post("/referrals/" + id + "/enrol").param("activityId", String.valueOf(course)), CREMASCA);
        assertThat(jdbc.sql("select count(*) from participant_enrolment where participant_id = :p and activity_id = :a")
                .param("p", record).param("a", course).query(Long.class).single()).isOne();
        redirect(post("/referrals/" + id + "/close").param("version", "1").param("outcome", "ENROLLED_IN_ACTIVITY"),
                CREMASCA);
        assertThat(rendered(get("/referrals/" + id).locale(Locale.ENGLISH), MILANO, "closed"))
                .contains("Enrolled in an activity");
        assertThat(ParticipantFixtures.personOf(jdbc, record)).isEqualTo(ParticipantFixtures.personOf(jdbc, participant));
    }

    private String redirect(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(csrf()).with(TestActors.as(actor))).andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        return r.getRedirectedUrl();
    }

    private String rendered(MockHttpServletRequestBuilder request, Actor actor, String what) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        String body = r.getContentAsString();
        assertThat(r.getStatus()).as(what + " status").isEqualTo(200);
        assertThat(body).as(what + " complete").contains("</html>");
        assertThat(body).as(what + " has unresolved message keys").doesNotContain("??");
        return body;
    }
}
