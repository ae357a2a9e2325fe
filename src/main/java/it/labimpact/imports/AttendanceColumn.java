package it.labimpact.imports;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The columns of a class register kept in a spreadsheet: one row per person and session. The person is named by
 * the pseudonymous participant code (as on the participant's page) or by the identity columns of the participants
 * file; the attendance by present/absent, hours, or both.
 */
enum AttendanceColumn implements ImportColumn {
    ACTIVITY_ID(true, "ID attività", "Activity ID", "Attività", "Activity", "Codice attività"),
    SESSION_DATE(true, "Data incontro", "Session date", "Data sessione", "Data lezione", "Data", "Date"),
    START_TIME(false, "Ora inizio", "Start time", "Inizio", "Ora"),
    PARTICIPANT_CODE(false, "Codice partecipante", "Participant code", "Codice pseudonimo", "Pseudonymous code",
            "ID partecipante", "Participant ID"),
    SURNAME(ParticipantColumn.SURNAME),
    GIVEN_NAMES(ParticipantColumn.GIVEN_NAMES),
    SEX(ParticipantColumn.SEX),
    BIRTH_DATE(ParticipantColumn.BIRTH_DATE),
    BIRTH_COUNTRY(ParticipantColumn.BIRTH_COUNTRY),
    TAX_CODE(ParticipantColumn.TAX_CODE),
    PRESENT(false, "Presente", "Present", "Presenza", "Attendance", "P/A"),
    HOURS(false, "Ore", "Hours", "Ore frequentate", "Hours attended");

    /** The columns that identify a person without the code (the tax code helps but is not needed). */
    static final List<AttendanceColumn> IDENTITY = List.of(SURNAME, GIVEN_NAMES, SEX, BIRTH_DATE, BIRTH_COUNTRY);

    private final boolean required;
    private final List<String> names;

    AttendanceColumn(boolean required, String italian, String english, String... others) {
        this.required = required;
        this.names = Stream.concat(Stream.of(italian, english), Arrays.stream(others)).toList();
    }

    AttendanceColumn(ParticipantColumn same) {
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
