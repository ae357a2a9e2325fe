package it.labimpact.imports;

import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.Sex;
import it.labimpact.shared.csv.CsvTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One row of a participants file turned into what the facades take, with every problem of its cells (read by
 * {@link Cells}).
 *
 * @param activityId {@code null} when the row enrols nobody
 */
record ParticipantRow(int line, ParticipantData data, Long activityId, LocalDate enrolledOn, List<ImportNote> problems) {

    static ParticipantRow parse(CsvTable.Row row) {
        Cells p = new Cells(row);
        String surname = p.text(ParticipantColumn.SURNAME);
        String given = p.text(ParticipantColumn.GIVEN_NAMES);
        Sex sex = p.sex(ParticipantColumn.SEX);
        LocalDate birth = p.date(ParticipantColumn.BIRTH_DATE);
        String birthCountry = p.country(ParticipantColumn.BIRTH_COUNTRY);
        String citizenship = p.country(ParticipantColumn.CITIZENSHIP);
        String taxCode = p.text(ParticipantColumn.TAX_CODE);
        String residence = p.text(ParticipantColumn.RESIDENCE);
        LocalDate firstContact = p.date(ParticipantColumn.FIRST_CONTACT);
        String phone = p.text(ParticipantColumn.PHONE);
        String email = p.text(ParticipantColumn.EMAIL);
        Long activity = p.id(ParticipantColumn.ACTIVITY, "imports.activity.invalid");
        LocalDate enrolledOn = p.date(ParticipantColumn.ENROLLED_ON);
        if (enrolledOn != null && activity == null) {
            p.problem(ParticipantColumn.ACTIVITY, "imports.enrolment.noActivity");
        }
        ParticipantData data = new ParticipantData(surname, given, sex, birth, birthCountry, citizenship, taxCode,
                residence, firstContact, phone, email, List.of(), null, null);
        return new ParticipantRow(row.line(), data, activity, enrolledOn, p.problems());
    }

    /** Parses an Italian or ISO day. */
    static Optional<LocalDate> day(String text) {
        return Cells.day(text);
    }
}
