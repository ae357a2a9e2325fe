package it.labimpact.activity;

import it.labimpact.partnership.Member;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.Partnership;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the default run only: a few activities titled "[DEMO] …" for the Milano, Cremasca and Ghedi
 * networks, of types across the three actions, each with weekly sessions from the start of the current
 * month. Delivered by the networks' demo member organisations (or the lead, where the network has none). The
 * indicators' history (past activities and their participants) is the synthetic data set of size {@code demo}
 * (module {@code synthetic}).
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(30)
class DemoActivities implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoActivities.class);

    /** One demo activity: its sessions fall weekly on the first {@code weeks} weeks from the start. */
    private record Demo(String network, String type, String title, String comune, String lead, String partner,
            int startWeek, int weeks, LocalTime from, LocalTime to, List<String> languages, Integer capacity,
            String target) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("milano", "ITALIAN_L2", "[DEMO] Corso di italiano L2 – livello A2", "015146", "[DEMO] CPIA",
                    "[DEMO] Cooperativa", 0, 10, LocalTime.of(18, 0), LocalTime.of(20, 0), List.of("it"), 20,
                    "Adulti con livello A1 certificato"),
            new Demo("milano", "DIGITAL_SKILLS", "[DEMO] Laboratorio di competenze digitali", "015146",
                    "[DEMO] Cooperativa", null, 1, 6, LocalTime.of(9, 30), LocalTime.of(12, 30), List.of("it", "en"),
                    12, "Donne in cerca di lavoro"),
            new Demo("milano", "INFO_DESK", "[DEMO] Sportello informativo per cittadini stranieri", "015146",
                    "Comune di Milano", "[DEMO] Associazione", 0, 8, LocalTime.of(14, 0), LocalTime.of(17, 0),
                    List.of("it", "en", "ar", "fr"), null, "Cittadini di Paesi terzi e famiglie"),
            new Demo("milano", "OPERATOR_TRAINING", "[DEMO] Formazione interculturale per operatori dei servizi",
                    "015146", "Comune di Milano", "[DEMO] CPIA", 2, 3, LocalTime.of(9, 0), LocalTime.of(13, 0),
                    List.of("it"), 30, "Operatori dei servizi sociali e sanitari"),
            new Demo("cremasca", "CIVIC_ORIENTATION", "[DEMO] Orientamento civico: diritti, servizi, istituzioni",
                    "019035", "Comunità Sociale Cremasca", null, 0, 5, LocalTime.of(17, 0), LocalTime.of(19, 30),
                    List.of("it", "en"), 25, "Nuovi arrivati"),
            new Demo("cremasca", "NETWORK_MEETING", "[DEMO] Incontro della rete cremasca", "019035",
                    "Comunità Sociale Cremasca", null, 1, 1, LocalTime.of(10, 0), LocalTime.of(12, 0), List.of("it"),
                    null, "Organizzazioni della rete"),
            new Demo("ghedi", "PROFESSIONAL_GUIDANCE", "[DEMO] Orientamento professionale individuale", "017078",
                    "[DEMO] Cooperativa", null, 0, 6, LocalTime.of(9, 0), LocalTime.of(11, 0), List.of("it", "ur"),
                    8, "Giovani tra 18 e 29 anni"),
            new Demo("ghedi", "FAMILY_REUNIFICATION", "[DEMO] Assistenza al ricongiungimento familiare", "017078",
                    "[DEMO] Associazione", null, 0, 4, LocalTime.of(15, 0), LocalTime.of(17, 0),
                    List.of("it", "hi", "pa"), null, "Famiglie"),
            new Demo("ghedi", "COMMUNITY_EVENT", "[DEMO] Festa delle comunità", "017078", "[DEMO] Associazione",
                    "[DEMO] Cooperativa", 3, 1, LocalTime.of(15, 0), LocalTime.of(19, 0), List.of("it", "en"), 200,
                    "Tutta la cittadinanza"));

    private final ActivityRepository repository;
    private final Partnership partnership;
    private final JdbcClient jdbc;

    DemoActivities(ActivityRepository repository, Partnership partnership, JdbcClient jdbc) {
        this.repository = repository;
        this.partnership = partnership;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from activity_activity where demo").query(Long.class).single() > 0) {
            return;
        }
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Rome")).withDayOfMonth(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int created = 0;
        for (Demo d : DEMOS) {
            NetworkDetail network = partnership.network(d.network()).orElse(null);
            if (network == null) {
                continue;
            }
            long lead = organisation(network, d.lead());
            List<Long> partners = d.partner() == null ? List.of()
                    : List.of(organisation(network, d.partner())).stream().filter(p -> p != lead).toList();
            LocalDate start = monday.plusWeeks(d.startWeek()).plusDays(d.type().length() % 4);
            LocalDate end = start.plusWeeks(d.weeks() - 1L);
            BigDecimal hours = BigDecimal.valueOf(java.time.Duration.between(d.from(), d.to()).toMinutes())
                    .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
            ActivityData data = new ActivityData(d.title(), d.type(), d.network(), lead, partners, d.comune(),
                    "[DEMO] Sede di esempio", start, end, hours.multiply(BigDecimal.valueOf(d.weeks())), d.languages(),
                    d.capacity(), d.target(), "Attività dimostrativa: dati non reali.",
                    start.isAfter(LocalDate.now()) ? ActivityStatus.PLANNED : ActivityStatus.ONGOING, null);
            long id = repository.insertActivity(data, d.languages(), true);
            repository.replaceOrganisations(id, lead, partners);
            for (int w = 0; w < d.weeks(); w++) {
                repository.insertSession(id, new SessionData(start.plusWeeks(w), d.from(), d.to(), null,
                        "[DEMO] Sede di esempio", null),
                        hours);
            }
            created++;
        }
        log.info("Demo mode: " + created + " demo activities with their sessions loaded");
    }

    /** The member whose name starts with {@code prefix}, or else the network's lead. */
    private static long organisation(NetworkDetail network, String prefix) {
        return network.members().stream().filter(m -> m.organisationName().startsWith(prefix)).findFirst()
                .or(() -> network.members().stream().filter(m -> m.role() == MembershipRole.LEAD).findFirst())
                .map(Member::organisationId).orElseThrow();
    }
}
