package it.labimpact.imports;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The columns of an activities file: one row per session, the activity's columns filled on the first row of each
 * activity reference (and either repeated unchanged or left empty on its other rows), the session's columns on
 * every row (left empty for an activity without sessions yet).
 */
enum ActivityColumn implements ImportColumn {
    ACTIVITY_REF(true, "Rif. attività", "Activity ref", "Riferimento attività", "Rif", "Ref", "Reference"),
    TITLE(true, "Titolo", "Title", "Titolo attività", "Activity title"),
    ACTIVITY_TYPE(true, "Tipo attività", "Activity type", "Tipo", "Type"),
    LEAD_ORGANISATION(false, "Ente capofila", "Lead organisation", "Capofila", "Lead organization"),
    COMUNE(true, "Comune", "Municipality", "Comune ISTAT", "Codice ISTAT"),
    VENUE(false, "Sede", "Venue", "Luogo"),
    START_DATE(true, "Data inizio", "Start date", "Inizio attività"),
    END_DATE(true, "Data fine", "End date", "Fine attività"),
    PLANNED_HOURS(true, "Ore previste", "Planned hours", "Monte ore", "Ore"),
    LANGUAGES(false, "Lingue", "Languages", "Lingua", "Language"),
    CAPACITY(false, "Posti", "Capacity", "Posti disponibili"),
    STATUS(false, "Stato", "Status"),
    SESSION_DAY(false, "Data incontro", "Session date", "Data sessione", "Data lezione"),
    SESSION_START(false, "Ora inizio", "Start time", "Dalle"),
    SESSION_END(false, "Ora fine", "End time", "Alle"),
    SESSION_HOURS(false, "Ore incontro", "Session hours", "Durata"),
    SESSION_VENUE(false, "Sede incontro", "Session venue");

    /** The columns of the activity itself, read on the first row of a reference. */
    static final List<ActivityColumn> ACTIVITY = List.of(TITLE, ACTIVITY_TYPE, LEAD_ORGANISATION, COMUNE, VENUE,
            START_DATE, END_DATE, PLANNED_HOURS, LANGUAGES, CAPACITY, STATUS);

    private final boolean required;
    private final List<String> names;

    ActivityColumn(boolean required, String italian, String english, String... others) {
        this.required = required;
        this.names = Stream.concat(Stream.of(italian, english), Arrays.stream(others)).toList();
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
