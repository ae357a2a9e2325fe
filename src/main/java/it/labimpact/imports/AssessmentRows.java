package it.labimpact.imports;

import static it.labimpact.imports.AssessmentColumn.ACTIVITY_ID;
import static it.labimpact.imports.AssessmentColumn.AREA;
import static it.labimpact.imports.AssessmentColumn.ASSESSMENT_DATE;
import static it.labimpact.imports.AssessmentColumn.ASSESSMENT_KIND;
import static it.labimpact.imports.AssessmentColumn.CERTIFICATION_BODY;
import static it.labimpact.imports.AssessmentColumn.INSTRUMENT;
import static it.labimpact.imports.AssessmentColumn.LEVEL;
import static it.labimpact.imports.AssessmentColumn.PHASE;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.participant.Assessment;
import it.labimpact.participant.AssessmentData;
import it.labimpact.participant.AssessmentInstrument;
import it.labimpact.participant.AssessmentKind;
import it.labimpact.participant.AssessmentPhase;
import it.labimpact.participant.Assessments;
import it.labimpact.participant.CertificationBody;
import it.labimpact.participant.DigCompLevel;
import it.labimpact.participant.LanguageLevel;
import it.labimpact.participant.ParticipantData;
import it.labimpact.shared.csv.CsvTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Italian L2 and DigComp assessments of registered people, recorded through {@link Assessments} with the rules of
 * the assessment form (scale of the kind, area for DigComp only, certification body with a certification, date
 * neither in the future nor before the first contact nor in an approved quarter, activity of the person's network).
 * The same kind, phase, date, level and area already recorded for the person is "already present".
 */
@Component
class AssessmentRows extends PersonRows {

    private static final Map<String, AssessmentColumn> FIELDS = Map.of("kind", ASSESSMENT_KIND, "phase", PHASE,
            "date", ASSESSMENT_DATE, "level", LEVEL, "area", AREA, "instrument", INSTRUMENT,
            "certificationBody", CERTIFICATION_BODY, "activityId", ACTIVITY_ID);

    private final Assessments assessments;
    private final Persons persons;
    private final Codes<AssessmentKind> kinds;
    private final Codes<AssessmentPhase> phases;
    private final Codes<DigCompLevel.Area> areas;
    private final Codes<AssessmentInstrument> instruments;
    private final Codes<CertificationBody> bodies;

    AssessmentRows(Assessments assessments, Persons persons, ActivityCatalogue activities, MessageSource messages,
            PlatformTransactionManager transactions) {
        super(activities, transactions);
        this.assessments = assessments;
        this.persons = persons;
        this.kinds = Codes.of(AssessmentKind.class, messages, "assessment.kind.");
        this.phases = Codes.of(AssessmentPhase.class, messages, "assessment.phase.");
        this.areas = Codes.of(DigCompLevel.Area.class, messages, "assessment.area.");
        this.instruments = Codes.of(AssessmentInstrument.class, messages, "assessment.instrument.");
        this.bodies = Codes.of(CertificationBody.class, messages, "assessment.body.");
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ASSESSMENTS;
    }

    @Override
    public List<AssessmentColumn> columns() {
        return List.of(AssessmentColumn.values());
    }

    @Override
    PersonColumns person() {
        return AssessmentColumn.PERSON;
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
        return ASSESSMENT_DATE;
    }

    @Override
    public Map<ImportColumn, List<String>> choices() {
        List<String> levels = Stream.concat(Stream.of(LanguageLevel.values()).map(Enum::name),
                IntStream.rangeClosed(1, 8).mapToObj(String::valueOf)).toList();
        return Map.of(AssessmentColumn.SEX, List.of("F", "M", "X"), ASSESSMENT_KIND, kinds.codes(), PHASE,
                phases.codes(), LEVEL, levels, AREA, areas.codes(), INSTRUMENT, instruments.codes(),
                CERTIFICATION_BODY, bodies.codes());
    }

    @Override
    public List<ImportColumn> countryColumns() {
        return List.of(AssessmentColumn.BIRTH_COUNTRY);
    }

    @Override
    public List<String> example(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return List.of("", "Ndiaye", "Awa", "F", english ? "1990-03-12" : "12/03/1990", "SN", "", "ITALIAN_L2",
                "ENTRY", english ? "2026-01-15" : "15/01/2026", "A1", "", "PLACEMENT_TEST", "", "");
    }

    @Override
    public String templateName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "assessments-template" : "modello-valutazioni";
    }

    @Override
    public Run open(ImportRunner.Request request) {
        Seen seen = new Seen();
        return row -> {
            Cells cells = new Cells(row);
            String code = cells.text(AssessmentColumn.PARTICIPANT_CODE);
            ParticipantData identity = person().identity(cells, code);
            AssessmentKind kind = cells.coded(ASSESSMENT_KIND, kinds);
            AssessmentPhase phase = cells.coded(PHASE, phases);
            LocalDate date = cells.date(ASSESSMENT_DATE);
            String level = cells.text(LEVEL);
            DigCompLevel.Area area = cells.coded(AREA, areas);
            AssessmentInstrument instrument = cells.coded(INSTRUMENT, instruments);
            CertificationBody body = cells.coded(CERTIFICATION_BODY, bodies);
            Long activityId = cells.id(ACTIVITY_ID, "imports.activity.invalid");
            if (!cells.ok()) {
                return cells.problems();
            }
            int line = row.line();
            AssessmentData data = new AssessmentData(kind, phase, date, level, area, instrument, body, activityId,
                    null);
            return inSavepoint(line, () -> {
                checkActivity(line, activityId);
                UUID participant = persons.find(line, person(), code, identity, activityId, seen.people);
                String key = participant + "|" + kind + "|" + phase + "|" + date + "|" + normalised(kind, level)
                        + "|" + area;
                Integer first = seen.first(key);
                if (first != null || assessments.of(participant).stream().anyMatch(a -> same(a, data))) {
                    return List.of(present(line, first, "imports.assessment.present"));
                }
                assessments.record(participant, data);
                seen.add(key, line);
                return List.of();
            });
        };
    }

    private static boolean same(Assessment a, AssessmentData d) {
        return a.kind() == d.kind() && a.phase() == d.phase() && a.date().equals(d.date())
                && a.level().equals(normalised(d.kind(), d.level())) && Objects.equals(a.area(), d.area());
    }

    /** The level as {@link Assessment#level()} shows it. */
    private static String normalised(AssessmentKind kind, String level) {
        if (kind == AssessmentKind.ITALIAN_L2) {
            return LanguageLevel.parse(level).map(Enum::name).orElse(level);
        }
        return level.strip();
    }
}
