package it.labimpact.directory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Directory entries for tests, on the seeded partnership (each network's lead organisation), and the clean-up. */
public final class DirectoryFixtures {

    private DirectoryFixtures() {
    }

    /** The lead organisation of a network: always one of its members. */
    public static long leadOrganisation(JdbcClient jdbc, String network) {
        return jdbc.sql("select lead_organisation_id from partnership_network where code = :c").param("c", network)
                .query(Long.class).single();
    }

    /** An Italian course in Milano, free, with weekly hours and an exception. */
    public static EntryData course(long organisation, String name) {
        Map<TextField, String> it = new EnumMap<>(TextField.class);
        it.put(TextField.NAME, name);
        it.put(TextField.DESCRIPTION, "Corso di italiano per adulti stranieri, livelli A1 e A2.");
        it.put(TextField.AUDIENCE, "Adulti con permesso di soggiorno o in attesa di rinnovo");
        it.put(TextField.DOCUMENTS, "Documento d'identità; permesso di soggiorno o ricevuta");
        it.put(TextField.COST, "Gratuito");
        return new EntryData(EntryKind.SERVICE, null, organisation, Set.of(DirectoryCategory.ITALIAN_LANGUAGE), true,
                List.of("it", "ar", "en"), "corsi@example.org", "02 1234 5678", "https://example.org/corsi", null, null,
                it, List.of(new EntryData.Place("CPIA Milano 3", "Via Pace 12", "20122", "Milano", null, null)),
                List.of(new EntryData.Opening(1, LocalTime.of(9, 0), LocalTime.of(12, 30)),
                        new EntryData.Opening(3, LocalTime.of(14, 0), LocalTime.of(17, 0))),
                List.of(new EntryData.Closure(LocalDate.of(2026, 12, 24), null, null, "Vigilia")), null);
    }

    /** A public event in Milano starting at the given local time, two hours long. */
    public static EntryData event(long organisation, String name, LocalDateTime start) {
        Map<TextField, String> it = new EnumMap<>(TextField.class);
        it.put(TextField.NAME, name);
        it.put(TextField.DESCRIPTION, "Incontro aperto: diritti, servizi; domande, risposte.\nSeconda riga.");
        it.put(TextField.REGISTRATION, "Iscrizione libera all'ingresso");
        return new EntryData(EntryKind.EVENT, null, organisation, Set.of(DirectoryCategory.CIVIC_ORIENTATION), true,
                List.of("it", "ar"), null, null, null, start, start.plusHours(2), it,
                List.of(new EntryData.Place("Biblioteca", "Via Roma 1", null, "015146", null, null)), List.of(),
                List.of(), null);
    }

    public static EntryData withVersion(EntryData d, int version) {
        return new EntryData(d.kind(), d.networkCode(), d.organisationId(), d.categories(), d.free(), d.languages(),
                d.email(), d.phone(), d.url(), d.startsAt(), d.endsAt(), d.italian(), d.locations(), d.openings(),
                d.closures(), version);
    }

    public static int version(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select version from directory_entry where id = :id").param("id", id).query(Integer.class)
                .single();
    }

    /** Pretends the entry was last checked {@code days} ago. */
    public static void checkedDaysAgo(JdbcClient jdbc, UUID id, int days) {
        jdbc.sql("update directory_entry set last_checked_on = current_date - :d where id = :id").param("d", days)
                .param("id", id).update();
    }

    public static void clean(JdbcClient jdbc) {
        jdbc.sql("delete from directory_entry").update();
    }
}
