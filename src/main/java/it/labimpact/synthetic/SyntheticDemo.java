package it.labimpact.synthetic;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The default run's history: after the curated demo stories (accounts, named "[DEMO]" activities and people,
 * governance), the synthetic data set of size {@code demo} — past and current activities of every type in every
 * network, 2,000 participants with attendance, assessments, outcomes and survey answers — so that every chart has
 * something to show. Loaded once (a database holding synthetic data is left as it is); the same seed every run, the
 * states as of the day of the first start. Off with {@code labimpact.demo.history=false} (tests).
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(45)
class SyntheticDemo implements ApplicationRunner {

    static final long SEED = 2026;

    private final SyntheticData data;
    private final boolean history;

    SyntheticDemo(SyntheticData data, @Value("${labimpact.demo.history:true}") boolean history,
            @Value("${labimpact.synthetic.size:}") String commandLineSize) {
        this.data = data;
        // in command-line mode the data set asked for is loaded instead (SyntheticRunner, after the demo stories)
        this.history = history && commandLineSize.isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!history) {
            return;
        }
        data.load(SyntheticSize.DEMO, SEED, LocalDate.now(ZoneId.of("Europe/Rome")));
    }
}
