package it.labimpact.imports;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityRef;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.CsvTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the files about registered people (assessments, outcomes) share: the person found by code or identity, the
 * optional activity checked to be the network's, each row checked and written inside a savepoint, the facades'
 * refusals turned into notes on the file's columns, a fact already recorded reported as present and the same fact
 * twice in the file as the same as its first row.
 */
abstract class PersonRows implements RowHandler {

    private final ActivityCatalogue activities;
    private final TransactionTemplate savepoint;

    PersonRows(ActivityCatalogue activities, PlatformTransactionManager transactions) {
        this.activities = activities;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    abstract PersonColumns person();

    /** The column of the activity id. */
    abstract ImportColumn activityColumn();

    /** The column the facade's field names (as in its refusals) stand for; {@code null} for none. */
    abstract ImportColumn column(String field);

    /** The column a locked period is reported on (the fact's date). */
    abstract ImportColumn dateColumn();

    @Override
    public List<ImportNote> missingColumns(CsvTable table) {
        List<ImportNote> notes = new ArrayList<>(RowHandler.super.missingColumns(table));
        notes.addAll(person().missing(table));
        return notes;
    }

    /** Per run: the facts written so far, by key, with their line. */
    final class Seen {
        private final Map<String, Integer> lines = new HashMap<>();
        final Persons.Cache people = new Persons.Cache();

        /** The line that wrote the same fact, if any. */
        Integer first(String key) {
            return lines.get(key);
        }

        void add(String key, int line) {
            lines.putIfAbsent(key, line);
        }
    }

    /** Runs a row's checks and writes in a savepoint; a refusal becomes the row's note. */
    List<ImportNote> inSavepoint(int line, Supplier<List<ImportNote>> work) {
        try {
            return savepoint.execute(s -> work.get());
        } catch (RowRefused e) {
            return List.of(e.note());
        } catch (RuleViolationException e) {
            ImportColumn column = "period.locked".equals(e.messageKey()) ? dateColumn()
                    : e.field() == null ? null : column(e.field());
            return List.of(RowHandler.note(line, ImportNote.Outcome.REJECTED, column, e.messageKey(), e.args()));
        } catch (RecordNotFoundException e) {
            return List.of(RowHandler.note(line, ImportNote.Outcome.REJECTED, null, "imports.row.outOfScope"));
        }
    }

    /** Refuses an activity that does not exist or is another network's. */
    void checkActivity(int line, Long activityId) {
        if (activityId == null) {
            return;
        }
        ActivityRef activity = activities.activity(activityId)
                .orElseThrow(() -> new RowRefused(line, activityColumn(), "imports.activity.unknown", activityId));
        if (!activity.networkCode().equals(Actor.require().networkCode())) {
            throw new RowRefused(line, activityColumn(), "imports.activity.otherNetwork", activityId);
        }
    }

    static ImportNote present(int line, Integer sameAs, String presentKey) {
        return sameAs == null ? RowHandler.note(line, ImportNote.Outcome.PRESENT, null, presentKey)
                : RowHandler.note(line, ImportNote.Outcome.PRESENT, null, "imports.row.sameAs", sameAs);
    }
}
