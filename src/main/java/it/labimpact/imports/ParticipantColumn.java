package it.labimpact.imports;

import it.labimpact.shared.csv.CsvTable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of a participants file, in template order, matched by name (Italian or English, and a few names
 * people use), never by position.
 */
enum ParticipantColumn implements ImportColumn {
    SURNAME(true, "Cognome", "Surname", "Last name", "Family name"),
    GIVEN_NAMES(true, "Nome", "Given names", "Nomi", "First name", "Name"),
    SEX(true, "Sesso", "Sex", "Genere", "Gender"),
    BIRTH_DATE(true, "Data di nascita", "Birth date", "Date of birth", "Nato il"),
    BIRTH_COUNTRY(true, "Paese di nascita", "Country of birth", "Stato di nascita", "Birth country"),
    CITIZENSHIP(true, "Cittadinanza", "Citizenship", "Nationality"),
    TAX_CODE(false, "Codice fiscale", "Tax code", "CF", "Codice fiscale o provvisorio", "Fiscal code"),
    RESIDENCE(true, "Comune di residenza", "Municipality of residence", "Residenza", "Residence", "Comune"),
    FIRST_CONTACT(true, "Data primo contatto", "First contact date", "Primo contatto", "First contact"),
    PHONE(false, "Telefono", "Phone", "Cellulare", "Mobile"),
    EMAIL(false, "Email", "E-mail address", "Indirizzo email"),
    ACTIVITY(false, "ID attività", "Activity ID", "Attività", "Activity", "Codice attività"),
    ENROLLED_ON(false, "Data iscrizione", "Enrolment date", "Iscritto il", "Enrolled on");

    private final boolean required;
    private final String italian;
    private final String english;
    private final List<String> names;

    ParticipantColumn(boolean required, String italian, String english, String... others) {
        this.required = required;
        this.italian = italian;
        this.english = english;
        this.names = Stream.concat(Stream.of(italian, english), Arrays.stream(others)).toList();
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public String header(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : italian;
    }

    @Override
    public String[] names() {
        return names.toArray(String[]::new);
    }

    @Override
    public Optional<String> in(CsvTable.Row row) {
        return row.get(names());
    }

    /** Whether a header cell names one of the columns. */
    static boolean known(String header) {
        return ImportColumn.known(List.of(values()), header);
    }
}
