package it.labimpact.imports;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.csv.CsvTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an upload of any kind. All rows are processed in one transaction through the owners' facades by the kind's
 * {@link RowHandler}, each row inside a savepoint (or, for participants, checked whole before any of it is written)
 * so that a refused row leaves no trace and the others go on being checked; at the end the transaction commits only in {@link ImportMode#COMMIT} with no refused row, and is rolled
 * back otherwise — the dry run is therefore checked by exactly the code that commits. Progress is written in
 * transactions of its own so the page can show it; the final status of a committed job is written inside the
 * committing transaction.
 */
@Component
class ImportRunner {

    /** Rows after which the statistics are first refreshed, then after twice as many, and so on. */
    static final int FIRST_ANALYSIS = 500;

    private final ImportRepository repository;
    private final Map<ImportKind, RowHandler> handlers = new EnumMap<>(ImportKind.class);
    private final AuditTrail audit;
    private final ImportSettings settings;
    private final TransactionTemplate whole;
    private final TransactionTemplate separate;
    private final TransactionTemplate nested;

    ImportRunner(ImportRepository repository, List<RowHandler> handlers, AuditTrail audit, ImportSettings settings,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
        this.audit = audit;
        this.settings = settings;
        this.whole = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * What the uploader chose beside the file.
     *
     * @param organisationId and {@code consentNoticeVersion}: for participants only ({@code null} otherwise)
     */
    record Request(long jobId, ImportKind kind, ImportMode mode, Long organisationId, Integer consentNoticeVersion) {

        /** A participants upload. */
        Request(long jobId, ImportMode mode, long organisationId, int consentNoticeVersion) {
            this(jobId, ImportKind.PARTICIPANTS, mode, organisationId, consentNoticeVersion);
        }
    }

    /** The handler of a kind of file. */
    RowHandler handler(ImportKind kind) {
        RowHandler handler = handlers.get(kind);
        if (handler == null) {
            throw new IllegalStateException("No handler for " + kind);
        }
        return handler;
    }

    /** Counts as the rows go. */
    private static final class Tally {
        int done;
        int accepted;
        int rejected;
        int present;
        final Map<Integer, List<ImportNote>> notes = new TreeMap<>();

        void count(int line, List<ImportNote> rowNotes) {
            notes.computeIfAbsent(line, l -> new ArrayList<>()).addAll(rowNotes);
            if (rowNotes.stream().anyMatch(n -> n.outcome() == ImportNote.Outcome.REJECTED)) {
                rejected++;
            } else if (!rowNotes.isEmpty()) {
                present++;
            } else {
                accepted++;
            }
        }

        /** Adds the notes of lines refused at the end of the run, counting those lines again. */
        void late(List<ImportNote> refused) {
            for (ImportNote n : refused) {
                List<ImportNote> own = notes.computeIfAbsent(n.line(), l -> new ArrayList<>());
                boolean wasRejected = own.stream().anyMatch(o -> o.outcome() == ImportNote.Outcome.REJECTED);
                if (!wasRejected) {
                    if (own.isEmpty()) {
                        accepted--;
                    } else {
                        present--;
                    }
                    rejected++;
                }
                own.add(n);
            }
        }

        List<ImportNote> all() {
            return notes.values().stream().flatMap(List::stream).toList();
        }
    }

    /** Runs the job as the current actor; never throws: the job records how it ended. */
    void run(Request request, byte[] file) {
        try {
            RowHandler handler = handler(request.kind());
            CsvTable table = SpreadsheetReader.read(file, settings,
                    header -> ImportColumn.known(handler.columns(), header));
            List<ImportNote> missing = handler.missingColumns(table);
            if (!missing.isEmpty()) {
                end(request, failed(request.mode()), "imports.file.columns", new Object[0], new Tally(), missing);
                return;
            }
            process(request, handler, table);
        } catch (FileRefused e) {
            end(request, failed(request.mode()), e.messageKey(), e.args(), new Tally(), List.of());
        } catch (RuntimeException e) {
            end(request, ImportStatus.FAILED, "imports.failed", new Object[0], new Tally(), List.of());
        }
    }

    private void process(Request request, RowHandler handler, CsvTable table) {
        int total = table.rows().size();
        int every = Math.max(1, total / 50);
        Tally tally = new Tally();
        separate.executeWithoutResult(s -> repository.progress(request.jobId(), total, 0, 0, 0, 0));
        whole.executeWithoutResult(status -> {
            repository.planEveryStatement();
            int analyseAt = FIRST_ANALYSIS;
            RowHandler.Run run = handler.open(request, table);
            int chunk = Math.max(1, run.chunk());
            List<CsvTable.Row> rows = table.rows();
            int reported = 0;
            for (int from = 0; from < rows.size(); from += chunk) {
                if (tally.done >= analyseAt) {
                    while (analyseAt <= tally.done) {
                        analyseAt *= 2;
                    }
                    analyse();
                }
                List<CsvTable.Row> part = rows.subList(from, Math.min(rows.size(), from + chunk));
                List<List<ImportNote>> notes = run.rows(part);
                for (int i = 0; i < part.size(); i++) {
                    tally.count(part.get(i).line(), notes.get(i));
                    tally.done++;
                }
                if (tally.done / every > reported && tally.done < total) {
                    reported = tally.done / every;
                    separate.executeWithoutResult(s -> repository.progress(request.jobId(), total, tally.done,
                            tally.accepted, tally.rejected, tally.present));
                }
            }
            tally.late(run.finish());
            boolean keep = request.mode() == ImportMode.COMMIT && tally.rejected == 0;
            if (keep) {
                repository.progress(request.jobId(), total, tally.done, tally.accepted, tally.rejected, tally.present);
                close(request, ImportStatus.COMMITTED, null, null, tally, List.of());
            } else {
                status.setRollbackOnly();
            }
        });
        if (request.mode() == ImportMode.VALIDATE || tally.rejected > 0) {
            ImportStatus outcome = request.mode() == ImportMode.VALIDATE
                    ? (tally.rejected == 0 ? ImportStatus.VALIDATED : ImportStatus.INVALID) : ImportStatus.REJECTED;
            end(request, outcome, null, null, tally, List.of());
        }
    }

    /**
     * Refreshes the planner's statistics of the tables the rows are written to, with the rows this transaction has
     * added so far (ANALYZE counts them; the new statistics stay inside the transaction). Without it, a large file
     * on tables the statistics say are empty — a young database, or statistics taken after a rolled-back run —
     * makes the per-row lookups scan what the transaction wrote so far. Skipped when another transaction holds
     * the tables' statistics lock (another import analysing them) or the database user does not own them.
     */
    private void analyse() {
        try {
            nested.executeWithoutResult(s -> repository.analyseWrittenTables());
        } catch (RuntimeException e) {
            // the plans stay as they were
        }
    }

    private static ImportStatus failed(ImportMode mode) {
        return mode == ImportMode.VALIDATE ? ImportStatus.INVALID : ImportStatus.REJECTED;
    }

    /** Records how a job ended that wrote nothing, in a transaction of its own. */
    private void end(Request request, ImportStatus status, String key, Object[] args, Tally tally,
            List<ImportNote> fileNotes) {
        separate.executeWithoutResult(s -> {
            repository.progress(request.jobId(), tally.done, tally.done, tally.accepted, tally.rejected,
                    tally.present);
            close(request, status, key, args, tally, fileNotes);
        });
    }

    private void close(Request request, ImportStatus status, String key, Object[] args, Tally tally,
            List<ImportNote> fileNotes) {
        List<ImportNote> notes = new ArrayList<>(fileNotes);
        notes.addAll(tally.all());
        repository.insertNotes(request.jobId(), notes);
        repository.finish(request.jobId(), status, key, args);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", request.kind().name());
        details.put("mode", request.mode().name());
        details.put("status", status.name());
        details.put("accepted", tally.accepted);
        details.put("rejected", tally.rejected);
        details.put("alreadyPresent", tally.present);
        audit.record("imports.finish", "imports_job", request.jobId(), details);
    }
}
