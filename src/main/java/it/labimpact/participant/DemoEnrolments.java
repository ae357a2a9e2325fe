package it.labimpact.participant;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.activity.SessionView;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default run only: a few clearly fictitious participants ("[DEMO] …") in Milano and
 * Cremasca, enrolled in their network's demo Italian course or civic-orientation course, with attendance at its
 * past sessions, so that the class register has something to show. Registered through the registry like any participant (encrypted,
 * audited as {@code demo.seed}). Skipped when the participant module holds any participant already.
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(40)
class DemoEnrolments implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoEnrolments.class);

    private record Person(String network, String surname, String givenNames, Sex sex, int birthYear, String country) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("milano", "[DEMO] Esempio", "Amina", Sex.F, 1991, "MA"),
            new Person("milano", "[DEMO] Prova", "Karim", Sex.M, 1987, "EG"),
            new Person("milano", "[DEMO] Fittizio", "Grace", Sex.F, 1995, "NG"),
            new Person("milano", "[DEMO] Modello", "Luis", Sex.M, 2001, "PE"),
            new Person("cremasca", "[DEMO] Esempio", "Fatou", Sex.F, 1993, "SN"),
            new Person("cremasca", "[DEMO] Prova", "Arjun", Sex.M, 1989, "IN"));

    private final ParticipantRegistry registry;
    private final ParticipantRepository participants;
    private final Enrolments enrolments;
    private final ActivityCatalogue activities;
    private final Partnership partnership;
    private final JdbcClient jdbc;

    DemoEnrolments(ParticipantRegistry registry, ParticipantRepository participants, Enrolments enrolments,
            ActivityCatalogue activities, Partnership partnership, JdbcClient jdbc) {
        this.registry = registry;
        this.participants = participants;
        this.enrolments = enrolments;
        this.activities = activities;
        this.partnership = partnership;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from participant").query(Long.class).single() > 0) {
            return;
        }
        Actor seeder = new Actor(0, "demo.seed", "Demo data", Role.COORDINATOR, ScopeType.PROJECT, null, null);
        Actor.runAs(seeder, () -> {
            int enrolled = seed("milano", "ITALIAN_L2") + seed("cremasca", "CIVIC_ORIENTATION");
            log.info("Demo mode: " + enrolled + " demo participants enrolled, with attendance");
        });
    }

    private int seed(String network, String type) {
        ActivitySummary activity = activities.activities(new ActivityQuery(network, type, null, null, null, "[DEMO]",
                null, null), new PageRequest(0, 500)).items().stream().filter(ActivitySummary::demo)
                .min((a, b) -> a.startDate().compareTo(b.startDate())).orElse(null);
        Long organisation = partnership.network(network).flatMap(n -> n.members().stream()
                .filter(m -> m.role() == MembershipRole.LEAD).map(Member::organisationId).findFirst()).orElse(null);
        if (activity == null || organisation == null) {
            return 0;
        }
        LocalDate today = LocalDate.now();
        LocalDate start = activity.startDate().isAfter(today) ? today : activity.startDate();
        List<Long> enrolmentIds = new ArrayList<>();
        for (Person p : PEOPLE.stream().filter(p -> p.network().equals(network)).toList()) {
            UUID id = registry.register(network, organisation, participants.currentNoticeVersion(),
                    new ParticipantData(p.surname(), p.givenNames(), p.sex(), LocalDate.of(p.birthYear(), 3, 15),
                            p.country(), p.country(), null, network.equals("milano") ? "015146" : "019035",
                            start.minusDays(7), null, null, List.of(), null, null)).participantId();
            enrolmentIds.add(enrolments.enrol(id, activity.id(), start.minusDays(3)).id());
        }
        List<SessionView> past = activities.sessions(activity.id()).stream()
                .filter(s -> s.date().isBefore(today)).toList();
        for (SessionView s : past) {
            List<AttendanceMark> marks = new ArrayList<>();
            for (int i = 0; i < enrolmentIds.size(); i++) {
                boolean present = (i + s.date().getDayOfMonth()) % 4 != 0;
                BigDecimal hours = present && i == 1 ? s.hours().subtract(new BigDecimal("0.5")) : null;
                marks.add(new AttendanceMark(enrolmentIds.get(i), present, hours));
            }
            enrolments.recordSession(activity.id(), s.id(), 0, marks);
        }
        return enrolmentIds.size();
    }
}
