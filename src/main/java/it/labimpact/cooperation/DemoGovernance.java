package it.labimpact.cooperation;

import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.Partnership;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
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
 * Demo data for the default run only: the Milano network's demo members join its table, a project-wide working
 * group "[DEMO] …", and meetings around the current month — held ones with attendance and decisions (one of them
 * overdue), planned ones to come. Invented texts start with "[DEMO]".
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(35)
class DemoGovernance implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoGovernance.class);

    private final GovernanceRepository bodies;
    private final MeetingRepository meetings;
    private final Partnership partnership;
    private final JdbcClient jdbc;

    DemoGovernance(GovernanceRepository bodies, MeetingRepository meetings, Partnership partnership, JdbcClient jdbc) {
        this.bodies = bodies;
        this.meetings = meetings;
        this.partnership = partnership;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from cooperation_meeting where demo").query(Long.class).single() > 0) {
            return;
        }
        GovernanceRepository.BodyRow steering = bodies.standing(GovernanceBodyKind.STEERING_GROUP, null).orElse(null);
        GovernanceRepository.BodyRow milano = bodies.standing(GovernanceBodyKind.NETWORK_TABLE, "milano").orElse(null);
        NetworkDetail network = partnership.network("milano").orElse(null);
        if (steering == null || milano == null || network == null) {
            return;
        }
        List<Long> tableMembers = new ArrayList<>(bodies.members(milano.id()));
        network.members().stream().filter(Member::active).map(Member::organisationId)
                .filter(o -> !tableMembers.contains(o)).forEach(tableMembers::add);
        bodies.replaceMembers(milano.id(), tableMembers);
        List<Long> steeringMembers = bodies.members(steering.id());
        List<Long> groupMembers = steeringMembers.stream().limit(5).toList();
        long group = bodies.insert(new GovernanceBodyData(GovernanceBodyKind.WORKING_GROUP, null,
                "[DEMO] Gruppo di lavoro: lavoro e formazione", "[DEMO] Raccordo con centri per l'impiego e CPIA.",
                groupMembers, true, null), true);
        bodies.replaceMembers(group, groupMembers);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        LocalDate first = today.withDayOfMonth(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        long held = meeting(steering.id(), today.minusWeeks(5), MeetingMode.HYBRID, MeetingStatus.HELD,
                "[DEMO] Stato di avanzamento delle reti; piano delle attività del semestre.", steeringMembers);
        attend(held, steeringMembers, 2);
        decision(held, "[DEMO] Ogni rete invia il calendario del semestre", steeringMembers.get(0),
                today.minusWeeks(1), MeetingDecisionStatus.OPEN);
        decision(held, "[DEMO] Condividere il modello di accordo di collaborazione", steeringMembers.get(1),
                today.minusWeeks(2), MeetingDecisionStatus.DONE);
        LocalDate tableDay = first.isAfter(today) ? today.minusDays(1) : first;
        long table = meeting(milano.id(), tableDay, MeetingMode.IN_PERSON, MeetingStatus.HELD,
                "[DEMO] Mappatura dei servizi della rete; proposte dal territorio.", tableMembers);
        attend(table, tableMembers, 1);
        decision(table, "[DEMO] Aggiornare la mappa dei servizi linguistici", tableMembers.get(tableMembers.size() - 1),
                today.plusWeeks(3), MeetingDecisionStatus.IN_PROGRESS);
        meeting(steering.id(), today.plusWeeks(3), MeetingMode.ONLINE, MeetingStatus.PLANNED,
                "[DEMO] Verifica degli indicatori del trimestre.", steeringMembers);
        meeting(group, today.plusWeeks(1), MeetingMode.IN_PERSON, MeetingStatus.PLANNED,
                "[DEMO] Percorsi scuola-lavoro: primi esiti.", groupMembers);
        log.info("Demo mode: demo governance meetings loaded");
    }

    private long meeting(long body, LocalDate day, MeetingMode mode, MeetingStatus status, String agenda,
            List<Long> invited) {
        String place = mode == MeetingMode.ONLINE ? null : "[DEMO] Sala riunioni, Palazzo Lombardia";
        String link = mode == MeetingMode.IN_PERSON ? null : "https://meet.example.org/demo-labimpact";
        long id = meetings.insert(new MeetingData(body, day, LocalTime.of(10, 0), LocalTime.of(12, 0), mode, place,
                link, agenda, status == MeetingStatus.HELD ? "[DEMO] Verbale sintetico dell'incontro." : null, status,
                invited, null), true);
        meetings.invite(id, invited);
        return id;
    }

    /** Two organisations in three present with {@code people} people each, the others absent. */
    private void attend(long meeting, List<Long> invited, int people) {
        for (int i = 0; i < invited.size(); i++) {
            boolean present = i % 3 != 2;
            meetings.record(meeting, invited.get(i), present, present ? people : 0);
        }
    }

    private void decision(long meeting, String text, long owner, LocalDate due, MeetingDecisionStatus status) {
        meetings.insertDecision(meeting, new MeetingDecisionData(text, owner, due, status, null, null), status);
    }
}
