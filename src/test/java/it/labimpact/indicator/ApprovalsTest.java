package it.labimpact.indicator;

import static it.labimpact.indicator.ApprovalFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.PeriodLockedException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The approval of a network's quarter: who may take each step, the rules on periods and comments, the lock it puts
 * on the quarter's facts, reopening, the audit trail, stale versions, and the project's snapshot once every network
 * is approved.
 */
@SpringBootTest
class ApprovalsTest {

    static final String M = "milano";
    static final String C = "cremasca";
    static final String Q = "2025-Q4";
    static final LocalDate IN_Q = LocalDate.of(2025, 11, 15);

    @Autowired Approvals approvals;
    @Autowired Snapshots snapshots;
    @Autowired LockedPeriods locks;
    @Autowired JdbcClient jdbc;

    final Actor lead = TestActors.lead(M);
    final Actor coordinator = TestActors.coordinator();

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        ApprovalFixtures.reset(jdbc);
    }

    @Test
    void aQuarterGoesFromSubmissionToApprovalAndBackWithEveryStepAudited() {
        long before = ApprovalFixtures.lastAuditId(jdbc);
        Submission s = as(lead, () -> approvals.submit(M, Q, "  Tutto inserito  ", null));
        assertThat(s.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(s.comment()).isEqualTo("Tutto inserito");
        assertThat(s.submittedBy()).isEqualTo(lead.username());

        assertThatThrownBy(() -> as(coordinator, () -> approvals.sendBack(M, Q, s.version(), " ")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("comment");
                    assertThat(e.messageKey()).isEqualTo("approval.comment.required");
                });
        Submission returned = as(coordinator, () -> approvals.sendBack(M, Q, s.version(), "Mancano le presenze"));
        assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(returned.decidedBy()).isEqualTo(coordinator.username());
        locks.ensureOpen(M, IN_Q);

        Submission again = as(lead, () -> approvals.submit(M, Q, null, returned.version()));
        Submission approved = as(coordinator, () -> approvals.approve(M, Q, again.version()));
        assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
        assertThatThrownBy(() -> locks.ensureOpen(M, IN_Q)).isInstanceOf(PeriodLockedException.class);
        assertThatThrownBy(() -> locks.ensureOpen(M, LocalDate.of(2025, 10, 1))).isInstanceOf(PeriodLockedException.class);
        assertThatThrownBy(() -> locks.ensureOpen(M, LocalDate.of(2025, 12, 31))).isInstanceOf(PeriodLockedException.class);
        locks.ensureOpen(M, LocalDate.of(2025, 9, 30));
        locks.ensureOpen(M, LocalDate.of(2026, 1, 1));
        locks.ensureOpen(C, IN_Q);

        assertThatThrownBy(() -> as(coordinator, () -> approvals.reopen(M, Q, approved.version(), "")))
                .hasFieldOrPropertyWithValue("messageKey", "approval.comment.required");
        Submission reopened = as(coordinator, () -> approvals.reopen(M, Q, approved.version(), "Correzione iscrizioni"));
        assertThat(reopened.status()).isEqualTo(SubmissionStatus.REOPENED);
        locks.ensureOpen(M, IN_Q);

        assertThat(ApprovalFixtures.actionsSince(jdbc, before)).containsExactly("indicator.submission.submitted",
                "indicator.submission.returned", "indicator.submission.submitted", "indicator.submission.approved",
                "indicator.submission.reopened");
        assertThat(as(lead, () -> approvals.history(M, Q))).extracting(SubmissionStep::status, SubmissionStep::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubmissionStatus.SUBMITTED, "Tutto inserito"),
                        org.assertj.core.groups.Tuple.tuple(SubmissionStatus.RETURNED, "Mancano le presenze"),
                        org.assertj.core.groups.Tuple.tuple(SubmissionStatus.SUBMITTED, null),
                        org.assertj.core.groups.Tuple.tuple(SubmissionStatus.APPROVED, null),
                        org.assertj.core.groups.Tuple.tuple(SubmissionStatus.REOPENED, "Correzione iscrizioni"));
        assertThat(as(coordinator, () -> snapshots.history(Period.quarter(2025, 4), M))).singleElement()
                .satisfies(i -> assertThat(i.supersededAt()).isNotNull());
    }

    @Test
    void onlyTheNetworksLeadSubmitsAndOnlyTheCoordinationDecides() {
        assertThatThrownBy(() -> as(lead, () -> approvals.submit(C, Q, null, null)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(lead, () -> approvals.submit("nowhere", Q, null, null)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(TestActors.operator(M), () -> approvals.submit(M, Q, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(coordinator, () -> approvals.submit(M, Q, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        Submission s = as(lead, () -> approvals.submit(M, Q, null, null));
        assertThatThrownBy(() -> as(lead, () -> approvals.approve(M, Q, s.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestActors.lead(C), () -> approvals.approve(M, Q, s.version())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(TestActors.evaluator(), () -> approvals.approve(M, Q, s.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(TestActors.lead(C), () -> approvals.grid(approvals.quarters()))).isEmpty();
        assertThat(as(lead, () -> approvals.grid(approvals.quarters()))).containsOnlyKeys(M);
        assertThat(jdbc.sql("select count(*) from indicator_submission where period_code = :q and network_code in (:n)")
                .param("q", Q).param("n", List.of(M, C)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyEndedQuartersAreSubmittedAndEachStepFollowsTheLastOne() {
        String current = as(lead, () -> approvals.quarters()).get(0).code();
        assertThatThrownBy(() -> as(lead, () -> approvals.submit(M, current, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "approval.period.notEnded");
        assertThatThrownBy(() -> as(lead, () -> approvals.submit(M, "2025", null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "approval.period.quarterOnly");
        assertThatThrownBy(() -> as(lead, () -> approvals.submit(M, "2025-Q5", null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "indicator.period.unknown");
        assertThatThrownBy(() -> as(coordinator, () -> approvals.approve(M, Q, 0)))
                .hasFieldOrPropertyWithValue("messageKey", "approval.notSubmitted");
        Submission s = as(lead, () -> approvals.submit(M, Q, null, null));
        assertThatThrownBy(() -> as(lead, () -> approvals.submit(M, Q, null, s.version())))
                .hasFieldOrPropertyWithValue("messageKey", "approval.submit.notAllowed");
        assertThatThrownBy(() -> as(coordinator, () -> approvals.reopen(M, Q, s.version(), "Perché sì")))
                .hasFieldOrPropertyWithValue("messageKey", "approval.reopen.notApproved");
        assertThatThrownBy(() -> as(lead, () -> approvals.submit(M, Q, "x".repeat(2001), null)))
                .hasFieldOrPropertyWithValue("messageKey", "approval.comment.tooLong");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Submission s = as(lead, () -> approvals.submit(M, Q, null, null));
        as(coordinator, () -> approvals.approve(M, Q, s.version()));
        assertThatThrownBy(() -> as(coordinator, () -> approvals.approve(M, Q, s.version())))
                .isInstanceOf(RuleViolationException.class);
        Submission approved = as(coordinator, () -> approvals.submission(M, Q)).orElseThrow();
        assertThatThrownBy(() -> as(coordinator, () -> approvals.reopen(M, Q, s.version(), "Versione vecchia")))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(as(coordinator, () -> approvals.submission(M, Q)).orElseThrow()).isEqualTo(approved);
        assertThat(jdbc.sql("select count(*) from indicator_snapshot where period_code = :q and network_code = :m")
                .param("q", Q).param("m", M).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoCoordinatorsApprovingAtOnceApproveOnce() throws Exception {
        Submission s = as(lead, () -> approvals.submit(M, Q, null, null));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = List.of(
                    pool.submit(() -> attempt(start, TestActors.coordinator(), s.version())),
                    pool.submit(() -> attempt(start, TestActors.admin(), s.version())));
            start.countDown();
            List<String> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());
            // the other one either collides with the first (stale version) or, starting after it committed, finds
            // the quarter no longer submitted: either way it is refused and nothing is approved twice
            assertThat(results).containsOnlyOnce("APPROVED");
            assertThat(results).filteredOn(r -> !r.equals("APPROVED")).singleElement()
                    .isIn("CONFLICT", "NOT_SUBMITTED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from indicator_snapshot where period_code = :q and network_code = :m")
                .param("q", Q).param("m", M).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from indicator_submission_step p join indicator_submission s"
                + " on s.id = p.submission_id where p.status = 'APPROVED'"
                + " and s.period_code = :q and s.network_code = :m")
                .param("q", Q).param("m", M).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theProjectIsSnapshottedWhenTheLastNetworkIsApproved() {
        List<String> networks = jdbc.sql("select code from partnership_network order by code").query(String.class)
                .list();
        assertThat(networks).hasSize(13);
        for (String network : networks) {
            Submission s = as(TestActors.lead(network), () -> approvals.submit(network, Q, null, null));
            assertThat(as(coordinator, () -> snapshots.latest(Period.quarter(2025, 4), null))).isEmpty();
            as(coordinator, () -> approvals.approve(network, Q, s.version()));
        }
        IndicatorResult project = as(coordinator, () -> snapshots.latest(Period.quarter(2025, 4), null)).orElseThrow();
        assertThat(project.network()).isNull();
        assertThat(project.snapshotId()).isNotNull();

        Submission last = as(coordinator, () -> approvals.submission(networks.get(0), Q)).orElseThrow();
        as(coordinator, () -> approvals.reopen(networks.get(0), Q, last.version(), "Correzione"));
        assertThat(as(coordinator, () -> snapshots.history(Period.quarter(2025, 4), null))).singleElement()
                .satisfies(i -> assertThat(i.supersededAt()).isNotNull());
    }

    private String attempt(java.util.concurrent.CountDownLatch start, Actor actor, int version) throws Exception {
        start.await();
        try {
            as(actor, () -> approvals.approve(M, Q, version));
            return "APPROVED";
        } catch (ConcurrentEditException e) {
            return "CONFLICT";
        } catch (RuleViolationException e) {
            assertThat(e.messageKey()).isEqualTo("approval.approve.notSubmitted");
            return "NOT_SUBMITTED";
        }
    }
}
