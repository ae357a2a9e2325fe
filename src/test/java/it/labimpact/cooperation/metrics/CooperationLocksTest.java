package it.labimpact.cooperation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.cooperation.ReferralData;
import it.labimpact.cooperation.ReferralOutcome;
import it.labimpact.cooperation.ReferralService;
import it.labimpact.cooperation.ReferralSharing;
import it.labimpact.cooperation.ReferralStatus;
import it.labimpact.cooperation.Referrals;
import it.labimpact.indicator.Approvals;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PeriodLockedException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A referral ties its two organisations from the day sent to the day closed: closing one sent before a quarter the
 * receiving network has had approved would add a tie to that quarter, so it is refused; once the quarter is
 * reopened it closes.
 */
@SpringBootTest
class CooperationLocksTest {

    static final Actor MILANO = TestActors.operator("milano");
    static final Actor CREMASCA = TestActors.operator("cremasca");

    @Autowired Referrals referrals;
    @Autowired ParticipantRegistry registry;
    @Autowired Approvals approvals;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from cooperation_referral").update();
        jdbc.sql("delete from indicator_submission_step").update();
        jdbc.sql("delete from indicator_submission").update();
        jdbc.sql("delete from indicator_snapshot").update();
        ParticipantFixtures.reset(jdbc);
    }

    @Test
    void closingAReferralAcrossALockedQuarterIsRefusedUntilItIsReopened() {
        UUID participant = ParticipantFixtures.register(registry, jdbc, MILANO,
                ParticipantFixtures.person("Diallo", "Awa", LocalDate.of(1990, 3, 4), null)).participantId();
        long id = TestActors.call(MILANO, () -> referrals.send(new ReferralData(participant, null, "cremasca",
                ParticipantFixtures.leadOrganisation(jdbc, "cremasca"), ReferralService.ITALIAN_COURSE, null, true,
                LocalDate.now(), "Modulo consenso invio v1", ReferralSharing.PROFILE)));
        TestActors.run(CREMASCA, () -> referrals.takeInCharge(id, 0));
        // as if sent and taken in charge in August 2025 (Q3): closing it today stretches the tie over 2025-Q4
        jdbc.sql("update cooperation_referral set sent_at = timestamptz '2025-08-10 10:00+02',"
                + " taken_at = timestamptz '2025-08-11 10:00+02' where id = :id").param("id", id).update();

        int submitted = TestActors.call(TestActors.lead("cremasca"),
                () -> approvals.submit("cremasca", "2025-Q4", null, null)).version();
        int approved = TestActors.call(TestActors.coordinator(),
                () -> approvals.approve("cremasca", "2025-Q4", submitted)).version();

        assertThatThrownBy(() -> TestActors.run(CREMASCA,
                () -> referrals.close(id, 1, ReferralOutcome.SERVICE_PROVIDED, null)))
                .isInstanceOf(PeriodLockedException.class);
        assertThat(TestActors.call(CREMASCA, () -> referrals.referral(id)).status())
                .isEqualTo(ReferralStatus.TAKEN_IN_CHARGE);

        TestActors.run(TestActors.coordinator(),
                () -> approvals.reopen("cremasca", "2025-Q4", approved, "Invio da chiudere"));
        TestActors.run(CREMASCA, () -> referrals.close(id, 1, ReferralOutcome.SERVICE_PROVIDED, null));
        assertThat(TestActors.call(CREMASCA, () -> referrals.referral(id)).status()).isEqualTo(ReferralStatus.CLOSED);
    }
}
