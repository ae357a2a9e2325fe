package it.labimpact.imports;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityRef;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.RegisteredMeanwhileException;
import it.labimpact.shared.Actor;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.CsvTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Participants with an optional enrolment: a person the network does not hold yet is registered through
 * {@link ParticipantRegistry} (vault, pseudonymisation, cross-network recognition), then enrolled through
 * {@link Enrolments} unless already enrolled.
 */
@Component
class ParticipantRows implements RowHandler {

    /** Field names of the facades' refusals, mapped to the file's columns. */
    static final Map<String, ParticipantColumn> FIELDS = Map.ofEntries(
            Map.entry("surname", ParticipantColumn.SURNAME), Map.entry("givenNames", ParticipantColumn.GIVEN_NAMES),
            Map.entry("sex", ParticipantColumn.SEX), Map.entry("birthDate", ParticipantColumn.BIRTH_DATE),
            Map.entry("birthCountry", ParticipantColumn.BIRTH_COUNTRY),
            Map.entry("citizenship", ParticipantColumn.CITIZENSHIP), Map.entry("taxCode", ParticipantColumn.TAX_CODE),
            Map.entry("residence", ParticipantColumn.RESIDENCE),
            Map.entry("firstContactDate", ParticipantColumn.FIRST_CONTACT), Map.entry("phone", ParticipantColumn.PHONE),
            Map.entry("email", ParticipantColumn.EMAIL), Map.entry("activityId", ParticipantColumn.ACTIVITY),
            Map.entry("enrolledOn", ParticipantColumn.ENROLLED_ON));

    /** Times a chunk is checked again after another user registered one of its persons meanwhile. */
    static final int RETRIES = 3;

    private final ParticipantRegistry registry;
    private final Enrolments enrolments;
    private final ActivityCatalogue activities;
    private final TransactionTemplate savepoint;
    /** Runs between a chunk's checks and its writes: lets a test register somebody meanwhile. */
    Runnable beforeFlush = () -> { };

    ParticipantRows(ParticipantRegistry registry, Enrolments enrolments, ActivityCatalogue activities,
            PlatformTransactionManager transactions) {
        this.registry = registry;
        this.enrolments = enrolments;
        this.activities = activities;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PARTICIPANTS;
    }

    @Override
    public List<ParticipantColumn> columns() {
        return List.of(ParticipantColumn.values());
    }

    @Override
    public Map<ImportColumn, List<String>> choices() {
        return Map.of(ParticipantColumn.SEX, List.of("F", "M", "X"));
    }

    @Override
    public List<ImportColumn> countryColumns() {
        return List.of(ParticipantColumn.BIRTH_COUNTRY, ParticipantColumn.CITIZENSHIP);
    }

    /** A made-up person; the activity id is left to fill. */
    @Override
    public List<String> example(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return List.of("Ndiaye", "Awa", "F", english ? "1990-03-12" : "12/03/1990", "SN", "SN", "", "015146",
                english ? "2026-01-15" : "15/01/2026", "+39 333 1234567", "", "", "");
    }

    @Override
    public String templateName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "participants-template" : "modello-partecipanti";
    }

    /** Rows checked and written together (see {@link ParticipantRegistry.Intake#batch}). */
    static final int CHUNK = 500;

    @Override
    public Run open(ImportRunner.Request request) {
        Map<UUID, Integer> registeredAt = new HashMap<>();
        Map<Long, Optional<ActivityRef>> activityCache = new HashMap<>();
        // what is the same for every row is checked once per job (at the first row to check), with the same
        // refusals row by row
        class Once {
            Actor actor;
            ParticipantRegistry.Intake intake;
            Enrolments.Enroller enroller;
        }
        Once once = new Once();
        return new Run() {
            @Override
            public List<ImportNote> row(CsvTable.Row row) {
                return rows(List.of(row)).get(0);
            }

            @Override
            public int chunk() {
                return CHUNK;
            }

            /**
             * A chunk of rows: their identity questions asked of the database at once, each row then checked and
             * staged in file order against that state and the rows before it, and the chunk written at the end,
             * inside a savepoint: when another user registered one of its persons meanwhile, the chunk is rolled
             * back and checked again (that person is then held, or known in the project), up to {@link #RETRIES}
             * times; then the job fails.
             */
            @Override
            public List<List<ImportNote>> rows(List<CsvTable.Row> rows) {
                for (int attempt = 1; ; attempt++) {
                    List<UUID> added = new ArrayList<>();
                    try {
                        return savepoint.execute(s -> chunk(rows, added));
                    } catch (RegisteredMeanwhileException e) {
                        added.forEach(registeredAt::remove);
                        if (attempt == RETRIES) {
                            throw e;
                        }
                    }
                }
            }

            private List<List<ImportNote>> chunk(List<CsvTable.Row> rows, List<UUID> added) {
                List<ParticipantRow> parsed = rows.stream().map(ParticipantRow::parse).toList();
                List<ParticipantRow> valid = parsed.stream().filter(p -> p.problems().isEmpty()).toList();
                if (valid.isEmpty()) {
                    return parsed.stream().map(ParticipantRow::problems).toList();
                }
                if (once.actor == null) {
                    once.actor = Actor.require();
                    once.intake = registry.intake(once.actor.networkCode(), request.organisationId(),
                            request.consentNoticeVersion());
                    once.enroller = enrolments.enroller();
                }
                ParticipantRegistry.Batch batch = once.intake.batch(valid.stream().map(ParticipantRow::data).toList());
                List<List<ImportNote>> notes = new ArrayList<>(parsed.size());
                for (ParticipantRow p : parsed) {
                    notes.add(p.problems().isEmpty()
                            ? apply(once.actor, once.intake, batch, once.enroller, p, registeredAt, added,
                                    activityCache)
                            : p.problems());
                }
                beforeFlush.run();
                batch.flush();
                return notes;
            }
        };
    }

    /**
     * Registers the row's person unless the network holds them already, then enrols them unless enrolled. Every
     * check that may refuse the row is made before anything of it is written (the registration's, then the
     * activity's, then the enrolment's: the order in which the facades refuse), so a refused row leaves no trace.
     * Returns the row's notes (none when something new was written).
     */
    private List<ImportNote> apply(Actor actor, ParticipantRegistry.Intake intake, ParticipantRegistry.Batch batch,
            Enrolments.Enroller enroller, ParticipantRow parsed, Map<UUID, Integer> registeredAt, List<UUID> added,
            Map<Long, Optional<ActivityRef>> activityCache) {
        ParticipantRegistry.Admission admission;
        LocalDate on = null;
        try {
            admission = batch.check(parsed.data());
            if (parsed.activityId() != null) {
                long activityId = parsed.activityId();
                // looked up once per job (the enroller checks it again, also once per job)
                ActivityRef activity = activityCache.computeIfAbsent(activityId, activities::activity)
                        .filter(a -> a.networkCode().equals(actor.networkCode()))
                        .orElseThrow(() -> new RuleViolationException("activityId",
                                "imports.activity.otherNetwork", activityId));
                if (admission.held().isPresent()) {
                    // a held record: the enrolment, checked then written (its only write), unless enrolled
                    if (!enroller.enrolled(admission, activity.id())) {
                        enroller.enrol(admission, activityId, parsed.enrolledOn());
                        return List.of();
                    }
                } else {
                    on = enroller.check(admission, activityId, parsed.enrolledOn());
                }
            }
            if (admission.held().isPresent()) {
                Integer first = registeredAt.get(admission.participantId());
                return List.of(first == null
                        ? RowHandler.note(parsed.line(), ImportNote.Outcome.PRESENT, null, "imports.row.present")
                        : RowHandler.note(parsed.line(), ImportNote.Outcome.PRESENT, null, "imports.row.sameAs",
                                first));
            }
        } catch (RuleViolationException e) {
            ParticipantColumn column = e.field() == null ? null : FIELDS.get(e.field());
            return List.of(RowHandler.note(parsed.line(), ImportNote.Outcome.REJECTED, column, e.messageKey(),
                    e.args()));
        } catch (RecordNotFoundException e) {
            return List.of(RowHandler.note(parsed.line(), ImportNote.Outcome.REJECTED, null,
                    "imports.row.outOfScope"));
        }
        try {
            intake.write(admission, parsed.data());
            if (on != null) {
                enroller.write(admission, parsed.activityId(), on);
            }
        } catch (RuleViolationException | RecordNotFoundException e) {
            // only another registration of the same person committed since the checks: the job fails, whole
            throw new IllegalStateException("Line " + parsed.line() + " refused once written", e);
        }
        registeredAt.put(admission.participantId(), parsed.line());
        added.add(admission.participantId());
        return List.of();
    }
}
