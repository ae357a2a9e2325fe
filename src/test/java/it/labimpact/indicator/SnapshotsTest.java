package it.labimpact.indicator;

import static it.labimpact.indicator.ApprovalFixtures.as;
import static it.labimpact.indicator.ApprovalFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.SessionData;
import it.labimpact.participant.AttendanceMark;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PeriodLockedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report handed in can be reproduced: the values approved for a quarter are stored, and neither later data in an
 * open quarter nor corrections made in the quarter after reopening change what the snapshot returns.
 *
 * <pre>
 * Milano, course from 01/10/2025 to 31/03/2026; sessions S1 10/10/2025 and S3 01/12/2025 (Q4), S2 15/01/2026 (Q1).
 *   Amina enrolled 01/10/2025, present at S1                      → AMIF-O3 Milano Q4 2025 = 1 (approved, snapshot)
 *   Bilal enrolled 10/01/2026, present at S2 (open Q1 2026)       → Q4 unchanged: fresh 1, snapshot 1
 *   Chen  enrolled 01/11/2025: refused while Q4 is locked; after reopening, enrolled and present at S3
 *                                                                 → fresh 2, the approved snapshot still 1
 *   Q4 submitted and approved again                               → new snapshot 2; the first, by id, still 1
 * </pre>
 */
@SpringBootTest
class SnapshotsTest {

    static final String M = "milano";
    static final Period Q4 = Period.quarter(2025, 4);
    static final String ITEM = "AMIF-O3";

    @Autowired Approvals approvals;
    @Autowired Snapshots snapshots;
    @Autowired Indicators indicators;
    @Autowired ActivityManagement activities;
    @Autowired ParticipantRegistry registry;
    @Autowired Enrolments enrolments;
    @Autowired JdbcClient jdbc;

    final Actor lead = TestActors.lead(M);
    final Actor coordinator = TestActors.coordinator();
    final Actor operator = TestActors.operator(M);

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ApprovalFixtures.reset(jdbc);
        for (String table : List.of("participant_attendance", "participant_enrolment", "participant_match_review",
                "participant_near_key", "participant_identity", "participant_vault", "participant")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void theApprovedValuesStayAsHandedIn() {
        long course = as(coordinator, () -> activities.create(new ActivityData("Italiano – istantanee", "ITALIAN_L2",
                M, lead(), List.of(), "015146", null, day("2025-10-01"), day("2026-03-31"), new BigDecimal("20"),
                List.of("it"), null, null, null, ActivityStatus.ONGOING, null)));
        long s1 = session(course, "2025-10-10");
        long s2 = session(course, "2026-01-15");
        long s3 = session(course, "2025-12-01");
        UUID amina = register("Amina");
        long eAmina = as(operator, () -> enrolments.enrol(amina, course, day("2025-10-01")).id());
        mark(course, s1, eAmina);

        Submission submitted = as(lead, () -> approvals.submit(M, Q4.code(), "Dati completi", null));
        as(coordinator, () -> approvals.approve(M, Q4.code(), submitted.version()));
        IndicatorResult approved = as(lead, () -> snapshots.latest(Q4, M)).orElseThrow();
        long firstSnapshot = approved.snapshotId();
        assertThat(approved.value(ITEM, M)).isEqualByComparingTo("1");

        UUID bilal = register("Bilal");
        long eBilal = as(operator, () -> enrolments.enrol(bilal, course, day("2026-01-10")).id());
        mark(course, s2, eBilal);
        assertThat(fresh(Period.quarter(2026, 1))).isEqualByComparingTo("1");
        assertThat(fresh(Q4)).isEqualByComparingTo("1");

        UUID chen = register("Chen");
        assertThatThrownBy(() -> run(operator, () -> enrolments.enrol(chen, course, day("2025-11-01"))))
                .isInstanceOfSatisfying(PeriodLockedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("period.locked");
                    assertThat(e.args()).containsExactly(Q4.label(LocaleContextHolder.getLocale()));
                });

        Submission locked = as(coordinator, () -> approvals.submission(M, Q4.code())).orElseThrow();
        as(coordinator, () -> approvals.reopen(M, Q4.code(), locked.version(), "Manca un iscritto"));
        long eChen = as(operator, () -> enrolments.enrol(chen, course, day("2025-11-01")).id());
        mark(course, s3, eChen);

        assertThat(fresh(Q4)).isEqualByComparingTo("2");
        IndicatorResult afterReopening = as(coordinator, () -> snapshots.latest(Q4, M)).orElseThrow();
        assertThat(afterReopening.snapshotId()).isEqualTo(firstSnapshot);
        assertThat(afterReopening.value(ITEM, M)).isEqualByComparingTo("1");
        assertThat(afterReopening.cells()).isEqualTo(approved.cells());
        assertThat(as(coordinator, () -> snapshots.history(Q4, M)))
                .singleElement().satisfies(s -> assertThat(s.supersededAt()).isNotNull());

        Submission reopened = as(coordinator, () -> approvals.submission(M, Q4.code())).orElseThrow();
        Submission again = as(lead, () -> approvals.submit(M, Q4.code(), null, reopened.version()));
        as(coordinator, () -> approvals.approve(M, Q4.code(), again.version()));
        IndicatorResult second = as(coordinator, () -> snapshots.latest(Q4, M)).orElseThrow();
        assertThat(second.snapshotId()).isNotEqualTo(firstSnapshot);
        assertThat(second.value(ITEM, M)).isEqualByComparingTo("2");
        assertThat(as(coordinator, () -> snapshots.snapshot(firstSnapshot)).orElseThrow().value(ITEM, M))
                .isEqualByComparingTo("1");
    }

    @Test
    void aNetworkReadsOnlyItsOwnSnapshots() {
        Submission s = as(lead, () -> approvals.submit(M, Q4.code(), null, null));
        as(coordinator, () -> approvals.approve(M, Q4.code(), s.version()));
        long id = as(coordinator, () -> snapshots.latest(Q4, M)).orElseThrow().snapshotId();
        Actor other = TestActors.lead("cremasca");
        assertThatThrownBy(() -> as(other, () -> snapshots.latest(Q4, M)))
                .isInstanceOf(it.labimpact.shared.RecordNotFoundException.class);
        assertThat(as(other, () -> snapshots.snapshot(id))).isEmpty();
        assertThat(as(other, () -> snapshots.latest(Q4, "cremasca"))).isEmpty();
    }

    // --- helpers ---

    private BigDecimal fresh(Period period) {
        return as(coordinator, () -> indicators.compute(period, M)).value(ITEM, M);
    }

    private long session(long activity, String day) {
        return as(coordinator, () -> activities.addSession(activity, new SessionData(day(day), null, null,
                new BigDecimal("2"), null, null)));
    }

    private void mark(long activity, long session, long enrolment) {
        run(operator, () -> enrolments.recordSession(activity, session,
                enrolments.register(activity).sessionVersions().get(session),
                List.of(new AttendanceMark(enrolment, true, new BigDecimal("2")))));
    }

    private UUID register(String name) {
        int notice = jdbc.sql("select max(version) from participant_privacy_notice").query(Integer.class).single();
        ParticipantData data = new ParticipantData("Istantanea", name, Sex.F, day("1990-01-01"), "MA", "MA", null,
                "015146", day("2025-09-01"), null, null, List.of(), null, null);
        return as(operator, () -> registry.register(M, lead(), notice, data).participantId());
    }

    private long lead() {
        return jdbc.sql("select lead_organisation_id from partnership_network where code = :c").param("c", M)
                .query(Long.class).single();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
