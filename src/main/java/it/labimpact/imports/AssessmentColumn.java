package it.labimpact.imports;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The columns of an assessments file: one row per assessment of a registered person. */
enum AssessmentColumn implements ImportColumn {
    PARTICIPANT_CODE(AttendanceColumn.PARTICIPANT_CODE),
    SURNAME(ParticipantColumn.SURNAME),
    GIVEN_NAMES(ParticipantColumn.GIVEN_NAMES),
    SEX(ParticipantColumn.SEX),
    BIRTH_DATE(ParticipantColumn.BIRTH_DATE),
    BIRTH_COUNTRY(ParticipantColumn.BIRTH_COUNTRY),
    TAX_CODE(ParticipantColumn.TAX_CODE),
    ASSESSMENT_KIND(true, "Ambito", "Assessment kind", "Tipo di valutazione", "Competenza", "Kind"),
    PHASE(true, "Fase", "Phase"),
    ASSESSMENT_DATE(true, "Data valutazione", "Assessment date", "Data della valutazione", "Data", "Date"),
    LEVEL(true, "Livello", "Level"),
    AREA(false, "Area DigComp", "DigComp area", "Area"),
    INSTRUMENT(true, "Strumento", "Instrument", "Strumento di valutazione"),
    CERTIFICATION_BODY(false, "Ente certificatore", "Certification body", "Ente"),
    ACTIVITY_ID(AttendanceColumn.ACTIVITY_ID);

    static final PersonColumns PERSON = new PersonColumns(PARTICIPANT_CODE, SURNAME, GIVEN_NAMES, SEX, BIRTH_DATE,
            BIRTH_COUNTRY, TAX_CODE);

    private final boolean required;
    private final List<String> names;

    AssessmentColumn(boolean required, String italian, String english, String... others) {
        this.required = required;
        this.names = Stream.concat(Stream.of(italian, english), Arrays.stream(others)).toList();
    }

    /** A column named as in another kind of file, optional here. */
    AssessmentColumn(ImportColumn same) {
        this.required = false;
        this.names = List.of(same.names());
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public String[] names() {
        return names.toArray(String[]::new);
    }
}
