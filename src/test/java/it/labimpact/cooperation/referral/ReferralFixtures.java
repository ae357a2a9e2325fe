package it.labimpact.cooperation.referral;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.cooperation.ReferralData;
import it.labimpact.cooperation.ReferralService;
import it.labimpact.cooperation.ReferralSharing;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.PermitType;
import it.labimpact.participant.Sex;
import it.labimpact.participant.Vulnerability;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Participants, activities and referrals for the referral tests, and the clean-up that removes them. */
final class ReferralFixtures {

    static final String CREMA = "019035";

    private ReferralFixtures() {
    }

    /** A man born in Senegal in 1995, with a phone, an e-mail and a vulnerability. */
    static ParticipantData person() {
        return new ParticipantData("Diallo", "Mamadou", Sex.M, LocalDate.of(1995, 6, 1), "SN", "SN", null,
                ParticipantFixtures.MILANO, LocalDate.now().minusDays(5), "+39 333 7654321", "mamadou@example.org",
                List.of(Vulnerability.SINGLE_PARENT), PermitType.FAMILY, LocalDate.now().plusYears(1));
    }

    static UUID registered(ParticipantRegistry registry, JdbcClient jdbc, String network) {
        return ParticipantFixtures.register(registry, jdbc, TestActors.operator(network), person()).participantId();
    }

    static long lead(JdbcClient jdbc, String network) {
        return ParticipantFixtures.leadOrganisation(jdbc, network);
    }

    /** A referral of {@code participant} from its network's lead to the lead of {@code toNetwork}. */
    static ReferralData referral(UUID participant, JdbcClient jdbc, String toNetwork, ReferralSharing sharing) {
        return new ReferralData(participant, null, toNetwork, lead(jdbc, toNetwork), ReferralService.ITALIAN_COURSE,
                "Livello A1, disponibile la sera", true, LocalDate.now(), "Modulo consenso invio v1", sharing);
    }

    /** A running course of the network, as its coordinator would create it. */
    static long course(ActivityManagement activities, JdbcClient jdbc, String network) {
        return TestActors.call(TestActors.coordinator(), () -> activities.create(new ActivityData(
                "Corso di italiano A2", "ITALIAN_L2", network, lead(jdbc, network), List.of(), CREMA, "Via Roma 1",
                LocalDate.now().minusDays(10), LocalDate.now().plusDays(60), new BigDecimal("60"), List.of("it"), 20,
                null, null, ActivityStatus.ONGOING, null)));
    }

    static void clean(JdbcClient jdbc) {
        TestActors.clear();
        jdbc.sql("delete from cooperation_referral").update();
        jdbc.sql("delete from cooperation_agreement").update();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    static long lastAuditId(JdbcClient jdbc) {
        return ParticipantFixtures.lastAuditId(jdbc);
    }

    /** "action record_id details" of the audit rows written after {@code id}. */
    static List<String> auditSince(JdbcClient jdbc, long id) {
        return ParticipantFixtures.auditSince(jdbc, id).stream()
                .map(e -> e.get("action") + " " + e.get("record_id") + " " + e.get("details")).toList();
    }
}
