package it.labimpact.indicator;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers for the approval tests: acting as someone, and removing what approvals and targets left behind. */
final class ApprovalFixtures {

    private ApprovalFixtures() {
    }

    static <T> T as(Actor actor, Supplier<T> action) {
        TestActors.actAs(actor);
        try {
            return action.get();
        } finally {
            TestActors.clear();
        }
    }

    static void run(Actor actor, Runnable action) {
        as(actor, () -> {
            action.run();
            return null;
        });
    }

    /** Submissions, their history, snapshots and targets: nothing stays locked for the next test. */
    static void reset(JdbcClient jdbc) {
        jdbc.sql("delete from indicator_submission_step").update();
        jdbc.sql("delete from indicator_submission").update();
        jdbc.sql("delete from indicator_snapshot").update();
        jdbc.sql("delete from indicator_target").update();
    }

    static long lastAuditId(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    static java.util.List<String> actionsSince(JdbcClient jdbc, long id) {
        return jdbc.sql("select action from audit_event where id > :id order by id").param("id", id)
                .query(String.class).list();
    }
}
