package it.labimpact.cooperation.referral;

import static it.labimpact.cooperation.referral.ReferralFixtures.lead;
import static it.labimpact.cooperation.referral.ReferralFixtures.referral;
import static it.labimpact.cooperation.referral.ReferralFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.cooperation.ReferralContacts;
import it.labimpact.cooperation.ReferralData;
import it.labimpact.cooperation.ReferralOutcome;
import it.labimpact.cooperation.ReferralQuery;
import it.labimpact.cooperation.ReferralSharing;
import it.labimpact.cooperation.ReferralStatus;
import it.labimpact.cooperation.ReferralView;
import it.labimpact.cooperation.Referrals;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.ParticipantSummary;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A referral from an organisation of one network to an organisation of another, end to end on the embedded
 * PostgreSQL: consent, the receiving side's inbox and steps, what it may see of the person under each consent,
 * scope by forged ids, optimistic locking, the audit trail and the anonymous fact view.
 */
@SpringBootTest
class ReferralFlowTest {

    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");
    static final Actor GHEDI = TestActors.operator("ghedi");

    @Autowired
    Referrals referrals;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ActivityManagement activities;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        ReferralFixtures.clean(jdbc);
    }

    @Test
    void aReferralTravelsFromOneNetworkToAnotherAndTheReceiverSeesOnlyWhatConsentAllows() {
        UUID participant = registered(registry, jdbc, "milano");
        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.PROFILE)));

        // the receiving network finds it in its inbox, the sending network among what it sent
        List<ReferralView> inbox = TestActors.call(CREMASCA, () -> referrals.list(
                new ReferralQuery(ReferralQuery.Box.RECEIVED, null, null, null), new PageRequest(0, 50)).items());
        assertThat(inbox).extracting(ReferralView::id).containsExactly(id);
        assertThat(TestActors.call(MILANO, () -> referrals.list(new ReferralQuery(ReferralQuery.Box.RECEIVED, null,
                null, null), new PageRequest(0, 50)).items())).isEmpty();
        assertThat(TestActors.call(MILANO, () -> referrals.list(new ReferralQuery(ReferralQuery.Box.SENT, null,
                null, null), new PageRequest(0, 50)).items())).extracting(ReferralView::id).containsExactly(id);

        // what the receiver sees: the pseudonymous person id and the service attributes, not the sender's record
        ReferralView received = inbox.get(0);
        UUID person = TestActors.call(MILANO, () -> registry.summary(participant)).personId();
        assertThat(received.personId()).isEqualTo(person);
        assertThat(received.participantId()).isNull();
        // born in 1995: 25 to 34 years old until 2029, then 35 to 49
        assertThat(received.ageBand()).isEqualTo(LocalDate.now().getYear() - 1995 < 35 ? "25-34" : "35-49");
        assertThat(received.sex()).isEqualTo("M");
        assertThat(received.citizenship()).isEqualTo("SN");
        assertThat(received.receiving()).isTrue();
        assertThat(received.toString()).doesNotContain("Diallo", "Mamadou", "7654321", "example.org", "1995-06-01");
        // no contacts without consent to share them, and no registration from the sender's data
        assertThatThrownBy(() -> TestActors.run(CREMASCA, () -> referrals.contacts(id)))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("referral.contacts.notConsented");
        assertThatThrownBy(() -> TestActors.run(CREMASCA, () -> referrals.registerInReceivingNetwork(id, null, 1)))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("referral.register.notConsented");

        // the sender cannot act for the receiver
        assertThatThrownBy(() -> TestActors.run(MILANO, () -> referrals.takeInCharge(id, 0)))
                .isInstanceOf(AccessDeniedException.class);

        long before = ReferralFixtures.lastAuditId(jdbc);
        TestActors.run(CREMASCA, () -> referrals.takeInCharge(id, 0));
        TestActors.run(CREMASCA, () -> referrals.close(id, 1, ReferralOutcome.SERVICE_PROVIDED, "Iscritto al corso"));

        ReferralView closed = TestActors.call(MILANO, () -> referrals.referral(id));
        assertThat(closed.status()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(closed.takenBy()).isEqualTo(CREMASCA.username());
        assertThat(closed.closedBy()).isEqualTo(CREMASCA.username());
        assertThat(closed.takenAt()).isNotNull();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.outcome()).isEqualTo(ReferralOutcome.SERVICE_PROVIDED);
        assertThat(closed.participantId()).isEqualTo(participant);
        assertThat(ReferralFixtures.auditSince(jdbc, before)).extracting(s -> s.split(" ")[0])
                .containsExactly("referral.takeInCharge", "referral.close");

        // the fact view: one row, organisations, networks, days and status, no person
        var fact = jdbc.sql("select * from cooperation_fact_referral where referral_id = :id").param("id", id)
                .query().listOfRows();
        assertThat(fact).hasSize(1);
        assertThat(fact.get(0)).containsEntry("from_organisation_id", lead(jdbc, "milano"))
                .containsEntry("to_organisation_id", lead(jdbc, "cremasca"))
                .containsEntry("from_network_code", "milano").containsEntry("to_network_code", "cremasca")
                .containsEntry("status", "CLOSED").containsKeys("sent_on", "taken_on", "closed_on")
                .doesNotContainKeys("participant_id", "person_id");
        assertThat(fact.get(0).get("closed_on")).isEqualTo(java.sql.Date.valueOf(LocalDate.now()));
    }

    @Test
    void withConsentToShareContactsTheReceiverReadsThemAndTheReadIsAudited() {
        UUID participant = registered(registry, jdbc, "milano");
        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.CONTACTS)));

        long before = ReferralFixtures.lastAuditId(jdbc);
        ReferralContacts contacts = TestActors.call(CREMASCA, () -> referrals.contacts(id));
        assertThat(contacts.surname()).isEqualTo("Diallo");
        assertThat(contacts.phone()).isEqualTo("+39 333 7654321");
        assertThat(contacts.email()).isEqualTo("mamadou@example.org");
        // contacts only: no birth date, country of birth or code
        assertThat(contacts.birthDate()).isNull();
        assertThat(contacts.birthCountry()).isNull();
        assertThat(ReferralFixtures.auditSince(jdbc, before)).singleElement().asString()
                .startsWith("participant.read " + participant).contains("\"purpose\": \"referral\"");

        // the sending side has its own record and gets no contacts through the referral; a third network nothing
        assertThatThrownBy(() -> TestActors.run(MILANO, () -> referrals.contacts(id)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> TestActors.run(GHEDI, () -> referrals.contacts(id)))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void withConsentToRegisterTheReceiverRegistersAndEnrolsThePersonWithoutRetyping() {
        UUID participant = registered(registry, jdbc, "milano");
        long course = ReferralFixtures.course(activities, jdbc, "cremasca");
        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.REGISTRATION)));
        assertThat(TestActors.call(CREMASCA, () -> referrals.receivingRecord(id))).isEmpty();
        TestActors.run(CREMASCA, () -> referrals.takeInCharge(id, 0));

        UUID record = TestActors.call(CREMASCA, () -> referrals.registerInReceivingNetwork(id, null,
                it.labimpact.participant.ParticipantFixtures.currentNotice(jdbc)));

        ParticipantSummary own = TestActors.call(CREMASCA, () -> registry.summary(record));
        assertThat(own.networkCode()).isEqualTo("cremasca");
        assertThat(own.personId()).isEqualTo(TestActors.call(MILANO, () -> registry.summary(participant)).personId());
        var copied = TestActors.call(CREMASCA, () -> registry.read(record));
        assertThat(copied.personal().surname()).isEqualTo("Diallo");
        assertThat(copied.personal().birthDate()).isEqualTo(LocalDate.of(1995, 6, 1));
        // the sensitive fields never travel
        assertThat(copied.sensitive().vulnerabilities()).isEmpty();
        assertThat(copied.sensitive().permitType()).isNull();
        assertThat(TestActors.call(CREMASCA, () -> referrals.receivingRecord(id))).contains(record);

        assertThat(TestActors.call(CREMASCA, () -> referrals.enrol(id, course)).participantId()).isEqualTo(record);
        assertThatThrownBy(() -> TestActors.run(CREMASCA, () -> referrals.registerInReceivingNetwork(id, null,
                it.labimpact.participant.ParticipantFixtures.currentNotice(jdbc))))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void withoutConsentTheReferralIsRefusedOnTheConsentField() {
        UUID participant = registered(registry, jdbc, "milano");
        ReferralData d = referral(participant, jdbc, "cremasca", ReferralSharing.PROFILE);
        ReferralData noConsent = new ReferralData(d.participantId(), null, d.toNetworkCode(), d.toOrganisationId(),
                d.service(), d.note(), false, d.consentOn(), d.consentNotice(), d.sharing());

        assertThatThrownBy(() -> TestActors.run(MILANO, () -> referrals.send(noConsent)))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> {
                    assertThat(((RuleViolationException) e).field()).isEqualTo("consent");
                    assertThat(((RuleViolationException) e).messageKey()).isEqualTo("referral.consent.required");
                });
        ReferralData noDay = new ReferralData(d.participantId(), null, d.toNetworkCode(), d.toOrganisationId(),
                d.service(), d.note(), true, null, d.consentNotice(), d.sharing());
        assertThatThrownBy(() -> TestActors.run(MILANO, () -> referrals.send(noDay)))
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("consentOn");
        assertThat(jdbc.sql("select count(*) from cooperation_referral where participant_id = :p")
                .param("p", participant).query(Long.class).single()).as("nothing sent for this person").isZero();
    }

    @Test
    void aNoteWithPersonalDataIsRefusedAndDatesAreNot() {
        UUID participant = registered(registry, jdbc, "milano");
        ReferralData d = referral(participant, jdbc, "cremasca", ReferralSharing.PROFILE);
        for (String note : List.of("chiamare al 333 7654321", "scrivere a mamadou@example.org",
                "CF DLLMMD95H01Z343X", "tel. 02-1234567", "+39 333 765 43 21", "codice provvisorio 12345678903")) {
            ReferralData withNote = new ReferralData(d.participantId(), null, d.toNetworkCode(),
                    d.toOrganisationId(), d.service(), note, true, d.consentOn(), d.consentNotice(), d.sharing());
            assertThatThrownBy(() -> TestActors.run(MILANO, () -> referrals.send(withNote))).as(note)
                    .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("referral.note.personalData");
        }
        // dates and spans of years are not taken for phone numbers or codes
        for (String note : List.of("disponibile dal 01/03/2026 al 15.04.2026, livello A1",
                "corso 2026-2027, 3 sere a settimana")) {
            ReferralData withNote = new ReferralData(d.participantId(), null, d.toNetworkCode(),
                    d.toOrganisationId(), d.service(), note, true, d.consentOn(), d.consentNotice(), d.sharing());
            assertThat(TestActors.call(MILANO, () -> referrals.send(withNote))).as(note).isPositive();
        }
    }

    @Test
    void forgedIdsReachNothingOfAnotherNetwork() {
        UUID participant = registered(registry, jdbc, "milano");
        // another network cannot refer a participant it cannot see, even knowing the id
        assertThatThrownBy(() -> TestActors.run(GHEDI, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.CONTACTS)))).isInstanceOf(RecordNotFoundException.class);

        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.CONTACTS)));
        for (Runnable probe : List.<Runnable>of(() -> referrals.referral(id), () -> referrals.contacts(id),
                () -> referrals.takeInCharge(id, 0), () -> referrals.decline(id, 0, "no"),
                () -> referrals.receivingRecord(id))) {
            assertThatThrownBy(() -> TestActors.run(GHEDI, probe)).isInstanceOf(RecordNotFoundException.class);
        }
        assertThat(TestActors.call(GHEDI, () -> referrals.list(new ReferralQuery(null, null, null, null),
                new PageRequest(0, 50)).items())).extracting(ReferralView::id).doesNotContain(id);

        // an organisation-scoped operator of the receiving network sees only what its organisation received
        Actor otherOrganisation = new Actor(9, "org.operator", "Org Operator", Role.OPERATOR,
                ScopeType.ORGANISATION, "cremasca", lead(jdbc, "cremasca") + 100_000);
        assertThatThrownBy(() -> TestActors.run(otherOrganisation, () -> referrals.referral(id)))
                .isInstanceOf(RecordNotFoundException.class);
        // governance and evaluators have no access to referrals
        assertThatThrownBy(() -> TestActors.run(TestActors.evaluator(), () -> referrals.referral(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(TestActors.call(TestActors.coordinator(), () -> referrals.referral(id)).receiving()).isFalse();
    }

    @Test
    void twoPeopleActingOnTheSameVersionConflictAndStepsFollowTheFlow() {
        UUID participant = registered(registry, jdbc, "milano");
        long id = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.PROFILE)));
        Actor lead = TestActors.lead("cremasca");

        TestActors.run(CREMASCA, () -> referrals.takeInCharge(id, 0));
        // the lead still holds version 0: the referral has moved on
        assertThatThrownBy(() -> TestActors.run(lead, () -> referrals.close(id, 0, ReferralOutcome.OTHER, null)))
                .isInstanceOf(ConcurrentEditException.class);
        // declining is for referrals not yet taken in charge; closing needs an outcome
        assertThatThrownBy(() -> TestActors.run(lead, () -> referrals.decline(id, 1, "Posti esauriti")))
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("referral.status.invalid");
        assertThatThrownBy(() -> TestActors.run(lead, () -> referrals.close(id, 1, null, null)))
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("outcome");

        long declined = TestActors.call(MILANO, () -> referrals.send(referral(participant, jdbc, "cremasca",
                ReferralSharing.PROFILE)));
        assertThatThrownBy(() -> TestActors.run(lead, () -> referrals.decline(declined, 0, " ")))
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("reason");
        TestActors.run(lead, () -> referrals.decline(declined, 0, "Posti esauriti fino a marzo"));
        ReferralView view = TestActors.call(MILANO, () -> referrals.referral(declined));
        assertThat(view.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(view.closingNote()).isEqualTo("Posti esauriti fino a marzo");
        assertThat(view.takenAt()).isNull();
    }
}
