package it.labimpact.imports;

import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.Sex;
import it.labimpact.shared.csv.CsvTable;
import java.time.LocalDate;
import java.util.List;

/**
 * How a file that is not a participants file names an already registered person: by the pseudonymous participant
 * code, or by the identity columns of the participants file (surname, given names, sex, birth date, country of
 * birth, optionally the tax code), recognised as registration recognises people.
 */
record PersonColumns(ImportColumn code, ImportColumn surname, ImportColumn givenNames, ImportColumn sex,
        ImportColumn birthDate, ImportColumn birthCountry, ImportColumn taxCode) {

    List<ImportColumn> identity() {
        return List.of(surname, givenNames, sex, birthDate, birthCountry);
    }

    /** The identity columns missing from a file without the code column. */
    List<ImportNote> missing(CsvTable table) {
        return code.in(table) ? List.of()
                : identity().stream().filter(c -> !c.in(table)).map(RowHandler::missing).toList();
    }

    /** The identity of a row without a code (every identity cell needed), or {@code null} when it has a code. */
    ParticipantData identity(Cells cells, String typedCode) {
        if (typedCode != null) {
            return null;
        }
        String s = cells.needed(surname);
        String g = cells.needed(givenNames);
        Sex x = cells.needed(sex) == null ? null : cells.sex(sex);
        LocalDate b = cells.needed(birthDate) == null ? null : cells.date(birthDate);
        String c = cells.needed(birthCountry) == null ? null : cells.country(birthCountry);
        String t = cells.text(taxCode);
        return new ParticipantData(s, g, x, b, c, null, t, null, null, null, null, List.of(), null, null);
    }
}
