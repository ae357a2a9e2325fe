package it.labimpact.cooperation;

import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
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

/**
 * Demo data for the default run only: three past trainings of operators "[DEMO] …" (two of the Milano network, one
 * project-wide) with invented operators named "Demo", attendance (some below 70 % of the hours) and
 * self-assessments, entered through {@link TrainingRegistry} as the coordinator would, so that the "operators
 * trained" indicator and the training pages have something to show.
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(36)
class DemoTrainings implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoTrainings.class);
    private static final String[] NAMES = {"Anna", "Marco", "Fatima", "Luca", "Sara", "Omar", "Giulia", "Paolo"};

    private final TrainingRegistry trainings;
    private final Partnership partnership;
    private final JdbcClient jdbc;

    DemoTrainings(TrainingRegistry trainings, Partnership partnership, JdbcClient jdbc) {
        this.trainings = trainings;
        this.partnership = partnership;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from cooperation_training where title like '[DEMO]%'").query(Long.class)
                .single() > 0) {
            return;
        }
        NetworkDetail milano = partnership.network("milano").orElse(null);
        if (milano == null) {
            return;
        }
        List<Long> members = milano.members().stream().filter(Member::active).map(Member::organisationId).toList();
        long organiser = members.get(0);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        Actor.runAs(Actor.SYSTEM, () -> {
            training("[DEMO] Competenze interculturali nei servizi sociali", TrainingTheme.INTERCULTURAL_SKILLS,
                    organiser, "milano", today.minusMonths(7), 12, members, 0);
            training("[DEMO] Prevenire la discriminazione allo sportello", TrainingTheme.ANTI_DISCRIMINATION,
                    organiser, "milano", today.minusMonths(2), 8, members, 3);
            training("[DEMO] Il quadro normativo sull'immigrazione", TrainingTheme.LEGAL_FRAMEWORK, organiser, null,
                    today.minusMonths(4), 6, members, 5);
        });
        log.info("Demo mode: demo operator trainings loaded");
    }

    /** A training ending on {@code end} with five operators, the last one attending half the hours. */
    private void training(String title, TrainingTheme theme, long organiser, String network, LocalDate end, int hours,
            List<Long> organisations, int firstName) {
        long id = trainings.create(new TrainingData(title, theme, organiser, network, end.minusDays(14), end,
                BigDecimal.valueOf(hours), TrainingMode.IN_PERSON, "[DEMO] Formazione di esempio.", null));
        List<TrainingAttendeeData> rows = new ArrayList<>();
        TrainingRole[] roles = {TrainingRole.SOCIAL_WORKER, TrainingRole.FRONT_OFFICE, TrainingRole.CULTURAL_MEDIATOR,
            TrainingRole.TEACHER, TrainingRole.EMPLOYMENT_ADVISER};
        for (int i = 0; i < 5; i++) {
            rows.add(new TrainingAttendeeData("Demo", NAMES[(firstName + i) % NAMES.length],
                    organisations.get(i % organisations.size()), roles[i], null,
                    BigDecimal.valueOf(i == 4 ? hours / 2.0 : hours)));
        }
        trainings.saveAttendance(id, trainings.detail(id).data().version(), rows);
    }
}
