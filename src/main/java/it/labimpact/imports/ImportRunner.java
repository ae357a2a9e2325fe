package it.labimpact.imports;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityRef;
import it.labimpact.audit.AuditTrail;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a participants upload. All rows are processed in one transaction through the owners' facades, each row
 * inside a savepoint so that a refused row leaves no trace and the others go on being checked; at the end the
 * transaction commits only in {@link ImportMode#COMMIT} with no refused row, and is rolled back otherwise — the dry
 * run is therefore checked by exactly the code that commits. Progress is written in transactions of its own so the
 * page can show it; the final status of a committed job is written inside the committing transaction.
 */
@Component
class ImportRunner {

    /** Field names of the facades' refusals, mapped to the file's columns. */
    private static final Map<String, ParticipantColumn> FIELDS = Map.ofEntries(
            Map.entry("surname", ParticipantColumn.SURNAME), Map.entry("givenNames", ParticipantColumn.GIVEN_NAMES),
            Map.entry("sex", ParticipantColumn.SEX), Map.entry("birthDate", ParticipantColumn.BIRTH_DATE),
            Map.entry("birthCountry", ParticipantColumn.BIRTH_COUNTRY),
            Map.entry("citizenship", ParticipantColumn.CITIZENSHIP), Map.entry("taxCode", ParticipantColumn.TAX_CODE),
            Map.entry("residence", ParticipantColumn.RESIDENCE),
            Map.entry("firstContactDate", ParticipantColumn.FIRST_CONTACT), Map.entry("phone", ParticipantColumn.PHONE),
            Map.entry("email", ParticipantColumn.EMAIL), Map.entry("activityId", ParticipantColumn.ACTIVITY),
            Map.entry("enrolledOn", ParticipantColumn.ENROLLED_ON));

    /** Rows after which the statistics are first refreshed, then after twice as many, and so on. */
    static final int FIRST_ANALYSIS = 500;

    private final ImportRepository repository;
    private final ParticipantRegistry registry;
    private final Enrolments enrolments;
    private final ActivityCatalogue activities;
    private final AuditTrail audit;
    private final ImportSettings settings;
    private final TransactionTemplate whole;
    private final TransactionTemplate row;
    private final TransactionTemplate separate;

    ImportRunner(ImportRepository repository, ParticipantRegistry registry, Enrolments enrolments,
            ActivityCatalogue activities, AuditTrail audit, ImportSettings settings,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.registry = registry;
        this.enrolments = enrolments;
        this.activities = activities;
        this.audit = audit;
        this.settings = settings;
        this.whole = new TransactionTemplate(transactions);
        this.row = new TransactionTemplate(transactions);
        this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What the uploader chose beside the file. */
    record Request(long jobId, ImportMode mode, long organisationId, int consentNoticeVersion) {
    }

    /** Counts as the rows go. */
    private static final class Tally {
        int done;
        int accepted;
        int rejected;
        int present;
        final List<ImportNote> notes = new ArrayList<>();
    }

    /** Runs the job as the current actor; never throws: the job records how it ended. */
    void run(Request request, byte[] file) {
        try {
            CsvTable table = SpreadsheetReader.read(file, settings, ParticipantColumn::known);
            List<ImportNote> missing = missingColumns(table);
            if (!missing.isEmpty()) {
                end(request, failed(request.mode()), "imports.file.columns", new Object[0], new Tally(), missing);
                return;
            }
            process(request, table);
        } catch (FileRefused e) {
            end(request, failed(request.mode()), e.messageKey(), e.args(), new Tally(), List.of());
        } catch (RuntimeException e) {
            end(request, ImportStatus.FAILED, "imports.failed", new Object[0], new Tally(), List.of());
        }
    }

    private void process(Request request, CsvTable table) {
        int total = table.rows().size();
        int every = Math.max(1, total / 50);
        Tally tally = new Tally();
        Map<UUID, Integer> registeredAt = new HashMap<>();
        Map<Long, Optional<ActivityRef>> activityCache = new HashMap<>();
        separate.executeWithoutResult(s -> repository.progress(request.jobId(), total, 0, 0, 0, 0));
        whole.executeWithoutResult(status -> {
            repository.planEveryStatement();
            int analyseAt = FIRST_ANALYSIS;
            for (CsvTable.Row r : table.rows()) {
                if (tally.done == analyseAt) {
                    analyseAt *= 2;
                    analyse();
                }
                ParticipantRow parsed = ParticipantRow.parse(r);
                List<ImportNote> notes = parsed.problems().isEmpty()
                        ? apply(request, parsed, registeredAt, activityCache) : parsed.problems();
                count(tally, notes);
                if (++tally.done % every == 0 && tally.done < total) {
                    separate.executeWithoutResult(s -> repository.progress(request.jobId(), total, tally.done,
                            tally.accepted, tally.rejected, tally.present));
                }
            }
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
            row.executeWithoutResult(s -> repository.analyseWrittenTables());
        } catch (RuntimeException e) {
            // the plans stay as they were
        }
    }

    private static void count(Tally tally, List<ImportNote> notes) {
        tally.notes.addAll(notes);
        if (notes.stream().anyMatch(n -> n.outcome() == ImportNote.Outcome.REJECTED)) {
            tally.rejected++;
        } else if (!notes.isEmpty()) {
            tally.present++;
        } else {
            tally.accepted++;
        }
    }

    /**
     * Registers the row's person unless the network holds them already, then enrols them unless enrolled: inside a
     * savepoint, rolled back when a facade refuses. Returns the row's notes (none when something new was written).
     */
    private List<ImportNote> apply(Request request, ParticipantRow parsed, Map<UUID, Integer> registeredAt,
            Map<Long, Optional<ActivityRef>> activityCache) {
        try {
            return row.execute(s -> {
                Actor actor = Actor.require();
                Optional<UUID> held = registry.heldByNetwork(parsed.data());
                UUID participant = held.orElseGet(() -> registry.register(actor.networkCode(),
                        request.organisationId(), request.consentNoticeVersion(), parsed.data()).participantId());
                boolean enrolled = false;
                if (parsed.activityId() != null) {
                    long activityId = parsed.activityId();
                    // looked up once per job (Enrolments.enrol checks the activity again on every row)
                    ActivityRef activity = activityCache.computeIfAbsent(activityId, activities::activity)
                            .filter(a -> a.networkCode().equals(actor.networkCode()))
                            .orElseThrow(() -> new RuleViolationException("activityId",
                                    "imports.activity.otherNetwork", activityId));
                    // a record registered by this very row has no enrolment yet
                    boolean present = held.isPresent()
                            && enrolments.list(activity.id(), participant, new PageRequest(0, 1)).total() > 0;
                    if (!present) {
                        enrolments.enrol(participant, activityId, parsed.enrolledOn());
                        enrolled = true;
                    }
                }
                if (held.isEmpty()) {
                    registeredAt.put(participant, parsed.line());
                    return List.of();
                }
                if (enrolled) {
                    return List.of();
                }
                Integer first = registeredAt.get(participant);
                return List.of(first == null
                        ? note(parsed.line(), ImportNote.Outcome.PRESENT, null, "imports.row.present")
                        : note(parsed.line(), ImportNote.Outcome.PRESENT, null, "imports.row.sameAs", first));
            });
        } catch (RuleViolationException e) {
            ParticipantColumn column = e.field() == null ? null : FIELDS.get(e.field());
            return List.of(note(parsed.line(), ImportNote.Outcome.REJECTED,
                    column == null ? null : column.names()[0], e.messageKey(), e.args()));
        } catch (RecordNotFoundException e) {
            return List.of(note(parsed.line(), ImportNote.Outcome.REJECTED, null, "imports.row.outOfScope"));
        }
    }

    private static ImportNote note(int line, ImportNote.Outcome outcome, String column, String key, Object... args) {
        return new ImportNote(line, outcome, column, key, Arrays.stream(args).map(String::valueOf).toList());
    }

    private static List<ImportNote> missingColumns(CsvTable table) {
        List<ImportNote> notes = new ArrayList<>();
        for (ParticipantColumn c : ParticipantColumn.values()) {
            if (c.required() && table.column(c.names()).isEmpty()) {
                notes.add(note(0, ImportNote.Outcome.REJECTED, c.names()[0], "import.missingColumn", c.names()[0],
                        String.join(", ", c.names())));
            }
        }
        return notes;
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
        notes.addAll(tally.notes);
        repository.insertNotes(request.jobId(), notes);
        repository.finish(request.jobId(), status, key, args);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", request.mode().name());
        details.put("status", status.name());
        details.put("accepted", tally.accepted);
        details.put("rejected", tally.rejected);
        details.put("alreadyPresent", tally.present);
        audit.record("imports.finish", "imports_job", request.jobId(), details);
    }
}
