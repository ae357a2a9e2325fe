package it.labimpact.indicator;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@link IndicatorStore} current between reads: every few seconds
 * ({@code labimpact.indicators.refresh-every}, 10 s by default) it brings up to date the persons whose facts
 * changed, so a reader rarely has more than a few to wait for; at start-up it builds the store if needed.
 */
@Component
class IndicatorStoreRefresher {

    private final IndicatorStore store;
    private final IndicatorRepository repository;
    private final IndicatorSettings settings;
    private final TransactionTemplate transactions;

    IndicatorStoreRefresher(IndicatorStore store, IndicatorRepository repository, IndicatorSettings settings,
            TransactionTemplate transactions) {
        this.store = store;
        this.repository = repository;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${labimpact.indicators.refresh-every:PT10S}", initialDelay = 2_000)
    void refresh() {
        transactions.executeWithoutResult(t -> store.refresh(repository.definitions(), settings));
    }
}
