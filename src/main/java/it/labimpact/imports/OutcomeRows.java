package it.labimpact.imports;

import static it.labimpact.imports.OutcomeColumn.ACTIVITY_ID;
import static it.labimpact.imports.OutcomeColumn.EMPLOYMENT_STATUS;
import static it.labimpact.imports.OutcomeColumn.OUTCOME_DATE;
import static it.labimpact.imports.OutcomeColumn.OUTCOME_TYPE;
import static it.labimpact.imports.OutcomeColumn.PHASE;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.EmploymentStatus;
import it.labimpact.participant.Outcome;
import it.labimpact.participant.OutcomeData;
import it.labimpact.participant.OutcomeType;
import it.labimpact.participant.Outcomes;
import it.labimpact.participant.ParticipantData;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Outcomes of registered people (guidance received, applications made, employment status at a phase), recorded
 * through {@link Outcomes} with the rules of the outcome form. The same outcome on the same day is "already
 * present"; the same type on the same day with another phase or status is refused, as the form refuses it.
 */
@Component
class OutcomeRows extends PersonRows {

    private static final Map<String, OutcomeColumn> FIELDS = Map.of("type", OUTCOME_TYPE, "date", OUTCOME_DATE,
            "phase", PHASE, "employmentStatus", EMPLOYMENT_STATUS, "activityId", ACTIVITY_ID);

    private final Outcomes outcomes;
    private final Persons persons;
    private final Codes<OutcomeType> types;
    private final Codes<AssessmentPhase> phases;
    private final Codes<EmploymentStatus> statuses;

    OutcomeRows(Outcomes outcomes, Persons persons, ActivityCatalogue activities, MessageSource messages,
            PlatformTransactionManager transactions) {
        super(activities, transactions);
        this.outcomes = outcomes;
        this.persons = persons;
        this.types = Codes.of(OutcomeType.class, messages, "outcome.type.");
        this.phases = Codes.of(AssessmentPhase.class, messages, "assessment.phase.");
        this.statuses = Codes.of(EmploymentStatus.class, messages, "outcome.status.");
    }

    @Override
    public ImportKind kind() {
        return ImportKind.OUTCOMES;
    }

    @Override
    public List<OutcomeColumn> columns() {
        return List.of(OutcomeColumn.values());
    }

    @Override
    PersonColumns person() {
        return OutcomeColumn.PERSON;
    }

    @Override
    ImportColumn activityColumn() {
        return ACTIVITY_ID;
    }

    @Override
    ImportColumn column(String field) {
        return FIELDS.get(field);
    }

    @Override
    ImportColumn dateColumn() {
        return OUTCOME_DATE;
    }

    @Override
    public Map<ImportColumn, List<String>> choices() {
        return Map.of(OutcomeColumn.SEX, List.of("F", "M", "X"), OUTCOME_TYPE, types.codes(), PHASE, phases.codes(),
                EMPLOYMENT_STATUS, statuses.codes());
    }

    @Override
    public List<ImportColumn> countryColumns() {
        return List.of(OutcomeColumn.BIRTH_COUNTRY);
    }

    @Override
    public List<String> example(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return List.of("", "Ndiaye", "Awa", "F", english ? "1990-03-12" : "12/03/1990", "SN", "", "EMPLOYMENT_STATUS",
                english ? "2026-01-15" : "15/01/2026", "ENTRY", "UNEMPLOYED_SEEKING", "");
    }

    @Override
    public String templateName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "outcomes-template" : "modello-risultati";
    }

    @Override
    public Run open(ImportRunner.Request request) {
        Seen seen = new Seen();
        return row -> {
            Cells cells = new Cells(row);
            String code = cells.text(OutcomeColumn.PARTICIPANT_CODE);
            ParticipantData identity = person().identity(cells, code);
            OutcomeType type = cells.coded(OUTCOME_TYPE, types);
            LocalDate date = cells.date(OUTCOME_DATE);
            AssessmentPhase phase = cells.coded(PHASE, phases);
            EmploymentStatus status = cells.coded(EMPLOYMENT_STATUS, statuses);
            Long activityId = cells.id(ACTIVITY_ID, "imports.activity.invalid");
            if (!cells.ok()) {
                return cells.problems();
            }
            int line = row.line();
            boolean employment = type == OutcomeType.EMPLOYMENT_STATUS;
            OutcomeData data = new OutcomeData(type, date, employment ? phase : null, employment ? status : null,
                    activityId);
            return inSavepoint(line, () -> {
                checkActivity(line, activityId);
                UUID participant = persons.find(line, person(), code, identity, activityId, seen.people);
                String key = participant + "|" + type + "|" + date;
                Integer first = seen.first(key);
                List<Outcome> recorded = outcomes.of(participant);
                if (first == null && recorded.stream().noneMatch(o -> o.type() == type && o.date().equals(date))) {
                    outcomes.record(participant, data);
                    seen.add(key, line);
                    return List.of();
                }
                if (recorded.stream().anyMatch(o -> o.type() == type && o.date().equals(date)
                        && Objects.equals(o.phase(), data.phase())
                        && Objects.equals(o.employmentStatus(), data.employmentStatus()))) {
                    return List.of(present(line, first, "imports.outcome.present"));
                }
                throw new RowRefused(line, OUTCOME_DATE, first == null ? "outcome.duplicate"
                        : "imports.outcome.conflict", first == null ? new Object[0] : new Object[] {first});
            });
        };
    }
}
