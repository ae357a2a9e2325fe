package it.labimpact.directory;

import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default run only: a few "[DEMO]" services and events of the Milano and Cremasca networks'
 * lead organisations, published, with some reviewed translations; one draft; one published entry last checked
 * long ago (stale), so that every state of the workflow can be seen.
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(40)
class DemoDirectory implements ApplicationRunner {

    private final DirectoryEditorial editorial;
    private final Partnership partnership;
    private final JdbcClient jdbc;

    DemoDirectory(DirectoryEditorial editorial, Partnership partnership, JdbcClient jdbc) {
        this.editorial = editorial;
        this.partnership = partnership;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from directory_entry").query(Long.class).single() > 0) {
            return;
        }
        Actor.runAs(Actor.SYSTEM, this::seed);
    }

    private void seed() {
        long milano = lead("milano");
        long crema = lead("cremasca");
        UUID course = publish(service("milano", milano, "[DEMO] Corso di italiano per adulti (A1–A2)",
                "Corso gratuito di lingua italiana per adulti stranieri, di sera, due volte alla settimana. Test di "
                        + "ingresso per scegliere il livello.",
                "Adulti stranieri dai 16 anni", "Documento d'identità; permesso di soggiorno o ricevuta del rinnovo",
                Set.of(DirectoryCategory.ITALIAN_LANGUAGE), List.of("it", "ar", "en", "bn"), "Via Pace 12", "20122",
                "Milano", List.of(new EntryData.Opening(2, LocalTime.of(18, 0), LocalTime.of(20, 0)),
                        new EntryData.Opening(4, LocalTime.of(18, 0), LocalTime.of(20, 0)))));
        translate(course, PublicLanguage.AR, "دورة اللغة الإيطالية للكبار (A1–A2)",
                "دورة مجانية في اللغة الإيطالية للكبار الأجانب، مساءً، مرتين في الأسبوع. اختبار دخول لتحديد المستوى.");
        translate(course, PublicLanguage.EN, "Italian course for adults (A1–A2)",
                "Free Italian course for foreign adults, in the evening, twice a week. An entry test places you at "
                        + "the right level.");
        UUID stale = publish(service("milano", milano, "[DEMO] Sportello permessi di soggiorno e ricongiungimento familiare",
                "Informazioni e aiuto per il rinnovo del permesso di soggiorno, la cittadinanza e il "
                        + "ricongiungimento familiare. Su appuntamento.",
                "Cittadini di Paesi terzi e loro familiari", "Passaporto; permesso di soggiorno; codice fiscale",
                Set.of(DirectoryCategory.DOCUMENTS_PERMITS, DirectoryCategory.FAMILY), List.of("it", "en", "fr", "ar"),
                "Via Dogana 2", "20123", "Milano",
                List.of(new EntryData.Opening(1, LocalTime.of(9, 0), LocalTime.of(12, 30)),
                        new EntryData.Opening(3, LocalTime.of(14, 0), LocalTime.of(17, 0)))));
        publish(service("cremasca", crema, "[DEMO] Orientamento al lavoro e bilancio delle competenze",
                "Colloqui individuali per costruire il curriculum, riconoscere le competenze e cercare lavoro.",
                "Giovani e adulti in cerca di lavoro", "Curriculum, se c'è; titoli di studio",
                Set.of(DirectoryCategory.WORK_GUIDANCE, DirectoryCategory.SKILLS_RECOGNITION), List.of("it", "en",
                        "sq"), "Piazza Duomo 25", "26013", "Crema",
                List.of(new EntryData.Opening(5, LocalTime.of(9, 0), LocalTime.of(13, 0)))));
        jdbc.sql("update directory_entry set last_checked_on = :d where id = :id").param("id", stale)
                .param("d", LocalDate.now(DirectoryEditorial.ZONE).minusDays(200)).update();
        UUID party = publish(event("milano", milano, "[DEMO] Festa delle culture: musica, cibo e giochi",
                "Un pomeriggio di festa aperto a tutti, con musica dal mondo, cucina e giochi per bambini.",
                LocalDate.now(DirectoryEditorial.ZONE).plusDays(12).atTime(16, 0), "Via Padova 36", "Milano"));
        translate(party, PublicLanguage.AR, "مهرجان الثقافات: موسيقى وطعام وألعاب",
                "عصر احتفالي مفتوح للجميع، مع موسيقى من العالم وطبخ وألعاب للأطفال.");
        publish(event("cremasca", crema, "[DEMO] Incontro: la scuola italiana spiegata ai genitori",
                "Come funziona la scuola in Italia, come iscrivere i figli, a chi rivolgersi.",
                LocalDate.now(DirectoryEditorial.ZONE).plusDays(20).atTime(17, 30), "Via Civerchi 9", "Crema"));
        editorial.create(service("milano", milano, "[DEMO] Laboratorio di competenze digitali (bozza)",
                "Uso dello smartphone per SPID, prenotazioni e servizi online.", "Adulti", "Nessuno",
                Set.of(DirectoryCategory.DIGITAL_SKILLS), List.of("it"), "Via Pace 12", "20122", "Milano", List.of()));
    }

    private UUID publish(EntryData data) {
        UUID id = editorial.create(data);
        editorial.publish(id, 0);
        return id;
    }

    private void translate(UUID id, PublicLanguage lang, String name, String description) {
        Map<TextField, String> values = new EnumMap<>(TextField.class);
        values.put(TextField.NAME, name);
        values.put(TextField.DESCRIPTION, description);
        Map<TextField, TranslationState> states = new EnumMap<>(TextField.class);
        states.put(TextField.NAME, TranslationState.REVIEWED);
        states.put(TextField.DESCRIPTION, TranslationState.REVIEWED);
        int version = jdbc.sql("select version from directory_entry where id = :id").param("id", id)
                .query(Integer.class).single();
        editorial.translate(id, lang, values, states, version);
    }

    private long lead(String network) {
        return partnership.networks().stream().filter(n -> n.code().equals(network)).findFirst()
                .map(NetworkSummary::leadOrganisationId).orElseThrow();
    }

    private static EntryData service(String network, long org, String name, String description, String audience,
            String documents, Set<DirectoryCategory> categories, List<String> languages, String address,
            String postal, String comune, List<EntryData.Opening> openings) {
        Map<TextField, String> it = new EnumMap<>(TextField.class);
        it.put(TextField.NAME, name);
        it.put(TextField.DESCRIPTION, description);
        it.put(TextField.AUDIENCE, audience);
        it.put(TextField.DOCUMENTS, documents);
        it.put(TextField.COST, "Gratuito");
        return new EntryData(EntryKind.SERVICE, network, org, categories, true, languages, "info@example.org",
                "02 0000 0000", null, null, null, it, List.of(new EntryData.Place(null, address, postal, comune, null,
                        null)), openings, List.of(new EntryData.Closure(LocalDate.of(LocalDate.now().getYear(), 12, 24),
                        null, null, null)), null);
    }

    private static EntryData event(String network, long org, String name, String description, LocalDateTime start,
            String address, String comune) {
        Map<TextField, String> it = new EnumMap<>(TextField.class);
        it.put(TextField.NAME, name);
        it.put(TextField.DESCRIPTION, description);
        it.put(TextField.REGISTRATION, "Ingresso libero, senza iscrizione");
        return new EntryData(EntryKind.EVENT, network, org, Set.of(DirectoryCategory.COMMUNITY), true,
                List.of("it", "ar", "en"), null, null, null, start, start.plusHours(3), it,
                List.of(new EntryData.Place(null, address, null, comune, null, null)), List.of(), List.of(), null);
    }
}
