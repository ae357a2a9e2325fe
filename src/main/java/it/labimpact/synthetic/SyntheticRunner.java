package it.labimpact.synthetic;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Command-line mode: {@code --labimpact.synthetic.size=demo|small|scale [--labimpact.synthetic.seed=N]
 * [--labimpact.synthetic.today=2026-11-26]} loads that data set into the configured database, then stops the
 * application (exit code 0, or 1 on failure). Keep it running with {@code --labimpact.synthetic.exit=false}. Runs
 * after the other start-up work (on the embedded database, the demo stories; the demo's own synthetic set is then
 * not loaded: this one is).
 */
@Component
@ConditionalOnProperty(name = "labimpact.synthetic.size")
@Order(100)
class SyntheticRunner implements ApplicationRunner {

    private final SyntheticData data;
    private final ConfigurableApplicationContext context;
    private final String size;
    private final long seed;
    private final String today;
    private final boolean exit;

    SyntheticRunner(SyntheticData data, ConfigurableApplicationContext context,
            @Value("${labimpact.synthetic.size}") String size, @Value("${labimpact.synthetic.seed:42}") long seed,
            @Value("${labimpact.synthetic.today:}") String today,
            @Value("${labimpact.synthetic.exit:true}") boolean exit) {
        this.data = data;
        this.context = context;
        this.size = size;
        this.seed = seed;
        this.today = today;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = 0;
        try {
            SyntheticData.Result result = data.load(SyntheticSize.of(size), seed,
                    today.isBlank() ? LocalDate.now() : LocalDate.parse(today));
            System.out.println(result == null ? "Synthetic data already loaded: nothing done."
                    : String.format("Synthetic data loaded: size %s, seed %d, %.1f s.", result.size(), result.seed(),
                            result.seconds()));
        } catch (RuntimeException e) {
            status = 1;
            throw e;
        } finally {
            if (exit) {
                int code = status;
                System.exit(SpringApplication.exit(context, () -> code));
            }
        }
    }
}
