package it.labimpact.indicator;

import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@link IndicatorStore} current between reads: every few seconds
 * ({@code labimpact.indicators.refresh-every}, 10 s by default) it brings up to date the persons whose facts
 * changed, so a reader rarely has more than a few to wait for; at start-up it builds the store if needed. Then, when
 * the things' facts changed since it last looked ({@link ThingsCache}: activities, organisations, cooperation), it
 * computes and keeps the things' values of the current quarter and of the project to date, as read for the whole
 * project, so the first reader after such a change rarely pays for it
 * ({@code labimpact.indicators.keep-things-ahead}, on by default).
 */
@Component
class IndicatorStoreRefresher {

    private final IndicatorStore store;
    private final IndicatorRepository repository;
    private final IndicatorSettings settings;
    private final TransactionTemplate transactions;
    private final IndicatorEngine engine;
    private final ThingsCache things;
    private final boolean keepThingsAhead;
    private volatile long keptAhead = Long.MIN_VALUE;

    IndicatorStoreRefresher(IndicatorStore store, IndicatorRepository repository, IndicatorSettings settings,
            TransactionTemplate transactions, IndicatorEngine engine, ThingsCache things,
            @Value("${labimpact.indicators.keep-things-ahead:true}") boolean keepThingsAhead) {
        this.store = store;
        this.repository = repository;
        this.settings = settings;
        this.transactions = transactions;
        this.engine = engine;
        this.things = things;
        this.keepThingsAhead = keepThingsAhead;
    }

    @Scheduled(fixedDelayString = "${labimpact.indicators.refresh-every:PT10S}", initialDelay = 2_000)
    void refresh() {
        transactions.executeWithoutResult(t -> store.refresh(repository.definitions(), settings));
        if (keepThingsAhead) {
            keepThingsAhead();
        }
    }

    /**
     * The things' values of the current quarter and of the project to date, as read for the whole project (the
     * project's and every network's values), when their facts changed. The generation is taken in a transaction of
     * its own, so the feeds and the generation are not held while computing (this thread writes none of the facts:
     * what it computes afterwards is at least as recent as the generation, as a reader's is).
     */
    private void keepThingsAhead() {
        long generation = transactions.execute(t -> things.generation());
        if (generation == keptAhead) {
            return;
        }
        LocalDate today = LocalDate.now();
        transactions.executeWithoutResult(t -> {
            List<IndicatorDefinition> definitions = repository.definitions();
            for (Period period : List.of(Period.quarterOf(today),
                    Period.projectToDate(settings.projectStart(), today))) {
                engine.keepThings(definitions, period, null, settings, generation);
            }
        });
        keptAhead = generation;
    }
}
