package it.labimpact.indicator;

import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default run only: project-to-date targets for the main indicators and, for the networks with
 * demo data, for participants reached — so that progress against targets shows on the dashboards and in the
 * reports. Set through {@link Targets} like a coordinator would (audited as {@code demo.seed}); skipped when any
 * target exists.
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(60)
class DemoTargets implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoTargets.class);

    // sized for the synthetic demo data set (2,000 participants, 130 activities: module synthetic)
    private static final Map<String, Integer> PROJECT = Map.ofEntries(Map.entry("P0-ACTIVITIES", 200),
            Map.entry("AMIF-O3", 2400), Map.entry("AMIF-O3.1", 1900), Map.entry("AMIF-O3.2", 600),
            Map.entry("AMIF-O3.3", 480), Map.entry("AMIF-O5", 60), Map.entry("AMIF-R8", 1200),
            Map.entry("AMIF-R9", 1500), Map.entry("AMIF-R10", 180), Map.entry("AMIF-R11", 240),
            Map.entry("P1-TIES", 30), Map.entry("P1-ASSOC", 10), Map.entry("P1-COMUNI", 700),
            Map.entry("P2-DIGITAL", 360), Map.entry("P2-STW", 480), Map.entry("P2-SKILLS", 360),
            Map.entry("P3-DESK", 2400), Map.entry("P3-COMMUNITY", 480));

    private final Targets targets;
    private final Partnership partnership;
    private final IndicatorSettings settings;

    DemoTargets(Targets targets, Partnership partnership, IndicatorSettings settings) {
        this.targets = targets;
        this.settings = settings;
        this.partnership = partnership;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actor seeder = new Actor(0, "demo.seed", "Demo data", Role.COORDINATOR, ScopeType.PROJECT, null, null);
        Actor.runAs(seeder, () -> {
            if (!targets.forPeriod(Period.projectToDate(settings.projectStart(), LocalDate.now()), null).isEmpty()) {
                return;
            }
            PROJECT.forEach((code, target) -> targets.set(code, null, "PTD", BigDecimal.valueOf(target),
                    BigDecimal.ZERO, null));
            int networks = 0;
            for (var n : partnership.networks()) {
                if (n.comuni() > 0) {
                    targets.set("AMIF-O3", n.code(), "PTD", BigDecimal.valueOf(300), null, null);
                    networks++;
                }
            }
            log.info("Demo mode: " + PROJECT.size() + " project targets and " + networks + " network targets set");
        });
    }
}
