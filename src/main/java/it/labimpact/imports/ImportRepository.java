package it.labimpact.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Jobs and their report notes ({@code imports_job}, {@code imports_note}). */
@Repository
class ImportRepository {

    /** Separates the arguments of a message in one text column (a character no message argument holds). */
    private static final String SEP = "\u001f";

    private static final String JOB = """
            select id, network_code, username, kind, mode, file_name, file_sha256, file_bytes, status, problem_key,
                   problem_args, rows_total, rows_done, rows_accepted, rows_rejected, rows_present, started_at,
                   finished_at
            from imports_job""";

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String network, String username, ImportKind kind, ImportMode mode, String fileName, String sha256,
            long bytes) {
        return jdbc.sql("""
                insert into imports_job (network_code, username, kind, mode, file_name, file_sha256, file_bytes, status)
                values (:network, :username, :kind, :mode, :fileName, :sha, :bytes, 'RUNNING') returning id""")
                .param("network", network).param("username", username).param("kind", kind.name())
                .param("mode", mode.name()).param("fileName", fileName).param("sha", sha256).param("bytes", bytes)
                .query(Long.class).single();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql(JOB + " where id = :id").param("id", id).query(ImportRepository::job).optional();
    }

    /** The latest jobs of a network (all networks when {@code null}). */
    List<ImportJob> history(String network, int limit) {
        return jdbc.sql(JOB + " where (cast(:network as text) is null or network_code = :network)"
                + " order by started_at desc, id desc limit :limit")
                .param("network", network).param("limit", limit).query(ImportRepository::job).list();
    }

    void progress(long id, int total, int done, int accepted, int rejected, int present) {
        jdbc.sql("""
                update imports_job set rows_total = :total, rows_done = :done, rows_accepted = :accepted,
                    rows_rejected = :rejected, rows_present = :present
                where id = :id and status = 'RUNNING'""")
                .param("id", id).param("total", total).param("done", done).param("accepted", accepted)
                .param("rejected", rejected).param("present", present).update();
    }

    /**
     * For the rest of the job's transaction, plans every statement with its parameters and the tables' current size
     * instead of reusing a generic plan: a plan made when the tables were small (the first rows of a large file on
     * a young database) would otherwise be kept while the transaction adds thousands of rows, and the per-row
     * lookups (identity, near-match candidates) would turn into scans: time growing with the square of the rows.
     */
    void planEveryStatement() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /** ANALYZE of the tables an import writes to, waiting half a second at most for their statistics lock. */
    void analyseWrittenTables() {
        jdbc.sql("set local lock_timeout = '500ms'").update();
        jdbc.sql("analyze participant, participant_identity, participant_near_key, participant_enrolment").update();
        jdbc.sql("set local lock_timeout = default").update();
    }

    void finish(long id, ImportStatus status, String problemKey, Object[] problemArgs) {
        jdbc.sql("""
                update imports_job set status = :status, problem_key = :key, problem_args = :args,
                    finished_at = now()
                where id = :id""")
                .param("id", id).param("status", status.name()).param("key", problemKey)
                .param("args", problemArgs == null || problemArgs.length == 0 ? null : join(problemArgs)).update();
    }

    /** Jobs a stopped process left running: nothing of theirs was committed (the commit is one transaction). */
    int failAbandoned() {
        return jdbc.sql("update imports_job set status = 'FAILED', finished_at = now() where status = 'RUNNING'")
                .update();
    }

    void insertNotes(long jobId, List<ImportNote> notes) {
        for (ImportNote n : notes) {
            jdbc.sql("""
                    insert into imports_note (job_id, line, outcome, column_name, message_key, args)
                    values (:job, :line, :outcome, :column, :key, :args)""")
                    .param("job", jobId).param("line", n.line()).param("outcome", n.outcome().name())
                    .param("column", n.column()).param("key", n.messageKey())
                    .param("args", n.args().isEmpty() ? null : String.join(SEP, n.args())).update();
        }
    }

    List<ImportNote> notes(long jobId) {
        return jdbc.sql("""
                select line, outcome, column_name, message_key, args from imports_note
                where job_id = :job order by line, id""").param("job", jobId)
                .query((rs, n) -> new ImportNote(rs.getInt("line"), ImportNote.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("column_name"), rs.getString("message_key"), split(rs.getString("args"))))
                .list();
    }

    private static String join(Object[] args) {
        return Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(SEP));
    }

    private static List<String> split(String args) {
        return args == null ? List.of() : List.of(args.split(SEP, -1));
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getLong("id"), rs.getString("network_code"), rs.getString("username"),
                ImportKind.valueOf(rs.getString("kind")), ImportMode.valueOf(rs.getString("mode")),
                rs.getString("file_name"), rs.getString("file_sha256"), rs.getLong("file_bytes"),
                ImportStatus.valueOf(rs.getString("status")), rs.getString("problem_key"),
                split(rs.getString("problem_args")).toArray(), rs.getInt("rows_total"), rs.getInt("rows_done"),
                rs.getInt("rows_accepted"), rs.getInt("rows_rejected"), rs.getInt("rows_present"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
