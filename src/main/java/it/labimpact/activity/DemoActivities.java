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
import org.springframework.beans.factory.annotation.Value;
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
 * month. Delivered by the networks' demo member organisations (or the lead, where the network has none). Plus past
 * activities in every network with demo members since the project's start, for the indicators' history.
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

    private final boolean history;

    DemoActivities(ActivityRepository repository, Partnership partnership, JdbcClient jdbc,
            @Value("${labimpact.demo.history:true}") boolean history) {
        this.history = history;
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
        int past = history ? history() : 0;
        log.info("Demo mode: " + created + " demo activities and " + past + " past ones with their sessions loaded");
    }

    /** The types the past demo activities rotate through, after an Italian course every half-year. */
    private static final List<String> HISTORY_TYPES = List.of("CIVIC_ORIENTATION", "DIGITAL_SKILLS", "INFO_DESK",
            "PROFESSIONAL_GUIDANCE", "COMMUNITY_EVENT", "SCHOOL_TO_WORK", "SKILLS_ASSESSMENT", "FAMILY_REUNIFICATION");

    /**
     * Past activities, so that the indicators have a history: in every network with demo members, from the project's
     * first half-year to the current one, an Italian course and one other activity per half-year, eight weekly
     * sessions each, titled "[DEMO] … (storico)". Deterministic: the same networks and dates every run.
     */
    private int history() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        int created = 0;
        int n = 0;
        for (var summary : partnership.networks()) {
            NetworkDetail network = partnership.network(summary.code()).orElseThrow();
            List<Member> demoMembers = network.members().stream()
                    .filter(m -> m.organisationName().startsWith("[DEMO]")).toList();
            if (demoMembers.isEmpty() || network.comuni().isEmpty()) {
                continue;
            }
            long lead = network.summary().leadOrganisationId();
            String comune = network.comuni().get(0).comune().istatCode();
            int half = 0;
            for (LocalDate h = LocalDate.of(2024, 1, 1); h.isBefore(today.minusWeeks(3)); h = h.plusMonths(6), half++) {
                for (String type : List.of("ITALIAN_L2", HISTORY_TYPES.get((n + half) % HISTORY_TYPES.size()))) {
                    LocalDate start = h.plusDays(14L + (n * 3L + half * 5L + type.length()) % 40)
                            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
                    if (!start.plusWeeks(1).isBefore(today)) {
                        continue;
                    }
                    List<Long> partners = demoMembers.stream().map(Member::organisationId)
                            .filter(id -> id != lead).limit(1 + (half + n) % 2).toList();
                    LocalDate end = start.plusWeeks(7);
                    ActivityData data = new ActivityData("[DEMO] " + typeTitle(type) + " (storico)", type,
                            network.summary().code(), lead, partners, comune, "[DEMO] Sede di esempio", start, end,
                            new BigDecimal("16"), List.of("it"), 20, null, "Attività dimostrativa: dati non reali.",
                            end.isBefore(today) ? ActivityStatus.COMPLETED : ActivityStatus.ONGOING, null);
                    long id = repository.insertActivity(data, data.languages(), true);
                    repository.replaceOrganisations(id, lead, partners);
                    for (int w = 0; w < 8; w++) {
                        repository.insertSession(id, new SessionData(start.plusWeeks(w), LocalTime.of(17, 0),
                                LocalTime.of(19, 0), null, null, null), new BigDecimal("2"));
                    }
                    created++;
                }
            }
            n++;
        }
        return created;
    }

    private static String typeTitle(String type) {
        return switch (type) {
            case "ITALIAN_L2" -> "Corso di italiano L2";
            case "CIVIC_ORIENTATION" -> "Orientamento civico";
            case "DIGITAL_SKILLS" -> "Laboratorio di competenze digitali";
            case "INFO_DESK" -> "Sportello informativo";
            case "PROFESSIONAL_GUIDANCE" -> "Orientamento professionale";
            case "COMMUNITY_EVENT" -> "Incontri di partecipazione comunitaria";
            case "SCHOOL_TO_WORK" -> "Percorso scuola-lavoro";
            case "SKILLS_ASSESSMENT" -> "Bilancio di competenze";
            default -> "Assistenza al ricongiungimento familiare";
        };
    }

    /** The member whose name starts with {@code prefix}, or else the network's lead. */
    private static long organisation(NetworkDetail network, String prefix) {
        return network.members().stream().filter(m -> m.organisationName().startsWith(prefix)).findFirst()
                .or(() -> network.members().stream().filter(m -> m.role() == MembershipRole.LEAD).findFirst())
                .map(Member::organisationId).orElseThrow();
    }
}
