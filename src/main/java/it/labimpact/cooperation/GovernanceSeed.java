package it.labimpact.cooperation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes sure the standing governance bodies exist: the regional steering group and one table per
 * network, including networks added since the last start. Real data, not demo: their members are the project's
 * partners and the networks' leads, which the partnership seeds.
 */
@Component
@Order(15)
class GovernanceSeed implements ApplicationRunner {

    private final GovernanceBodies bodies;

    GovernanceSeed(GovernanceBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public void run(ApplicationArguments args) {
        bodies.ensureStandingBodies();
    }
}
