package it.labimpact.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Submissions of a network's quarter, their history, and the snapshots taken at approval. */
@Repository
class ApprovalRepository {

    private static final String SUBMISSION = """
            select id, network_code, period_code, status, comment, submitted_by, submitted_at, decided_by,
                   decided_at, version
            from indicator_submission""";

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Submission> find(String network, String period) {
        return jdbc.sql(SUBMISSION + " where network_code = :network and period_code = :period")
                .param("network", network).param("period", period).query(ApprovalRepository::submission)
                .optional();
    }

    /** The submissions of some quarters, of one network or ({@code network} null) of all. */
    List<Submission> list(Collection<String> periods, String network) {
        if (periods.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUBMISSION + " " + """
                         where period_code in (:periods)
                           and (cast(:network as text) is null or network_code = :network)""")
                .param("periods", periods).param("network", network).query(ApprovalRepository::submission).list();
    }

    /** A first submission; empty when someone else submitted the same quarter at the same time. */
    Optional<Long> insert(String network, String period, String comment, String actor) {
        return jdbc.sql("""
                        insert into indicator_submission (network_code, period_code, status, comment, submitted_by,
                                                          submitted_at)
                        values (:network, :period, 'SUBMITTED', :comment, :actor, now())
                        on conflict (network_code, period_code) do nothing
                        returning id""")
                .param("network", network).param("period", period).param("comment", comment).param("actor", actor)
                .query(Long.class).optional();
    }

    /** A new submission after a return or a reopening; 0 rows when {@code version} is stale. */
    int resubmit(long id, int version, String comment, String actor) {
        return jdbc.sql("""
                        update indicator_submission
                        set status = 'SUBMITTED', comment = :comment, submitted_by = :actor, submitted_at = now(),
                            decided_by = null, decided_at = null, version = version + 1
                        where id = :id and version = :version and status in ('RETURNED', 'REOPENED')""")
                .param("id", id).param("version", version).param("comment", comment).param("actor", actor).update();
    }

    /** A decision on a submission in status {@code from}; 0 rows when {@code version} is stale. */
    int decide(long id, int version, SubmissionStatus from, SubmissionStatus to, String comment, String actor) {
        return jdbc.sql("""
                        update indicator_submission
                        set status = :to, comment = :comment, decided_by = :actor, decided_at = now(),
                            version = version + 1
                        where id = :id and version = :version and status = :from""")
                .param("id", id).param("version", version).param("from", from.name()).param("to", to.name())
                .param("comment", comment).param("actor", actor).update();
    }

    void step(long submission, SubmissionStatus status, String comment, String actor) {
        jdbc.sql("""
                        insert into indicator_submission_step (submission_id, status, comment, actor)
                        values (:id, :status, :comment, :actor)""")
                .param("id", submission).param("status", status.name()).param("comment", comment)
                .param("actor", actor).update();
    }

    /** The history of a submission, oldest first. */
    List<SubmissionStep> steps(long submission) {
        return jdbc.sql("""
                        select status, comment, actor, at from indicator_submission_step
                        where submission_id = :id order by id""")
                .param("id", submission)
                .query((rs, n) -> new SubmissionStep(SubmissionStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), instant(rs.getTimestamp(4))))
                .list();
    }

    /** The number of networks whose quarter is approved. */
    long approvedNetworks(String period) {
        return jdbc.sql("select count(*) from indicator_submission where period_code = :period and status = 'APPROVED'")
                .param("period", period).query(Long.class).single();
    }

    boolean locked(String network, String period) {
        return jdbc.sql("""
                        select exists (select 1 from indicator_submission
                                       where network_code = :network and period_code = :period
                                         and status = 'APPROVED')""")
                .param("network", network).param("period", period).query(Boolean.class).single();
    }

    /** Whether the project's values of a quarter are approved: its project snapshot is current. */
    boolean projectLocked(String period) {
        return jdbc.sql("""
                        select exists (select 1 from indicator_snapshot
                                       where network_code is null and period_code = :period
                                         and superseded_at is null)""")
                .param("period", period).query(Boolean.class).single();
    }

    /** The current snapshot of a network or the project for a quarter (not superseded by a reopening). */
    Optional<StoredSnapshot> currentSnapshot(String period, String network) {
        return jdbc.sql("""
                        select id, period_code, network_code, taken_at, taken_by, superseded_at, cells::text
                        from indicator_snapshot
                        where period_code = :period and superseded_at is null
                          and coalesce(network_code, '') = coalesce(cast(:network as text), '')""")
                .param("period", period).param("network", network)
                .query((rs, n) -> new StoredSnapshot(info(rs), rs.getString(7))).optional();
    }

    // --- snapshots ---

    long insertSnapshot(String period, String network, String actor, String cells) {
        return jdbc.sql("""
                        insert into indicator_snapshot (period_code, network_code, taken_by, cells)
                        values (:period, :network, :actor, cast(:cells as jsonb))
                        returning id""")
                .param("period", period).param("network", network).param("actor", actor).param("cells", cells)
                .query(Long.class).single();
    }

    /** Marks the current snapshot of a network (or, {@code network} null, of the project) as superseded. */
    int supersede(String period, String network) {
        return jdbc.sql("""
                        update indicator_snapshot set superseded_at = now()
                        where period_code = :period and superseded_at is null
                          and coalesce(network_code, '') = coalesce(cast(:network as text), '')""")
                .param("period", period).param("network", network).update();
    }

    /** A snapshot's cells as stored (JSON). */
    record StoredSnapshot(SnapshotInfo info, String cells) {
    }

    /** The latest snapshot of a network or the project for a quarter, current or superseded. */
    Optional<StoredSnapshot> latestSnapshot(String period, String network) {
        return jdbc.sql("""
                        select id, period_code, network_code, taken_at, taken_by, superseded_at, cells::text
                        from indicator_snapshot
                        where period_code = :period and coalesce(network_code, '') = coalesce(cast(:network as text), '')
                        order by id desc limit 1""")
                .param("period", period).param("network", network)
                .query((rs, n) -> new StoredSnapshot(info(rs), rs.getString(7))).optional();
    }

    Optional<StoredSnapshot> snapshot(long id) {
        return jdbc.sql("""
                        select id, period_code, network_code, taken_at, taken_by, superseded_at, cells::text
                        from indicator_snapshot where id = :id""")
                .param("id", id).query((rs, n) -> new StoredSnapshot(info(rs), rs.getString(7))).optional();
    }

    /** Every snapshot of a network or the project for a quarter, newest first. */
    List<SnapshotInfo> snapshots(String period, String network) {
        return jdbc.sql("""
                        select id, period_code, network_code, taken_at, taken_by, superseded_at
                        from indicator_snapshot
                        where period_code = :period and coalesce(network_code, '') = coalesce(cast(:network as text), '')
                        order by id desc""")
                .param("period", period).param("network", network).query((rs, n) -> info(rs)).list();
    }

    private static SnapshotInfo info(ResultSet rs) throws SQLException {
        return new SnapshotInfo(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                rs.getString(5), instant(rs.getTimestamp(6)));
    }

    private static Submission submission(ResultSet rs, int n) throws SQLException {
        return new Submission(rs.getLong(1), rs.getString(2), rs.getString(3),
                SubmissionStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                instant(rs.getTimestamp(7)), rs.getString(8), instant(rs.getTimestamp(9)), rs.getInt(10));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
