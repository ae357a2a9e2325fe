package it.labimpact.imports;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The columns of an outcomes file: one row per outcome of a registered person. */
enum OutcomeColumn implements ImportColumn {
    PARTICIPANT_CODE(AttendanceColumn.PARTICIPANT_CODE),
    SURNAME(ParticipantColumn.SURNAME),
    GIVEN_NAMES(ParticipantColumn.GIVEN_NAMES),
    SEX(ParticipantColumn.SEX),
    BIRTH_DATE(ParticipantColumn.BIRTH_DATE),
    BIRTH_COUNTRY(ParticipantColumn.BIRTH_COUNTRY),
    TAX_CODE(ParticipantColumn.TAX_CODE),
    OUTCOME_TYPE(true, "Risultato", "Outcome", "Tipo di risultato", "Esito", "Outcome type"),
    OUTCOME_DATE(true, "Data risultato", "Outcome date", "Data", "Date"),
    PHASE(AssessmentColumn.PHASE),
    EMPLOYMENT_STATUS(false, "Condizione occupazionale", "Employment status", "Condizione"),
    ACTIVITY_ID(AttendanceColumn.ACTIVITY_ID);

    static final PersonColumns PERSON = new PersonColumns(PARTICIPANT_CODE, SURNAME, GIVEN_NAMES, SEX, BIRTH_DATE,
            BIRTH_COUNTRY, TAX_CODE);

    private final boolean required;
    private final List<String> names;

    OutcomeColumn(boolean required, String italian, String english, String... others) {
        this.required = required;
        this.names = Stream.concat(Stream.of(italian, english), Arrays.stream(others)).toList();
    }

    /** A column named as in another kind of file, optional here. */
    OutcomeColumn(ImportColumn same) {
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
