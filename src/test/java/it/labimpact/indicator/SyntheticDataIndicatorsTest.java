package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.synthetic.SyntheticData;
import it.labimpact.synthetic.SyntheticSize;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk load with {@code COPY} (the synthetic data generator) fires the owners' change feeds like any write: the
 * indicator store, built before the load, afterwards gives exactly what the reviewed computations give from the
 * facts — for quarters, a year and the project to date, for the project and a network, every cell.
 */
@SpringBootTest(properties = "labimpact.synthetic.test-context=indicators")
@DirtiesContext
class SyntheticDataIndicatorsTest {

    @Autowired SyntheticData data;
    @Autowired Indicators indicators;
    @Autowired IndicatorEngine engine;
    @Autowired IndicatorStore store;
    @Autowired IndicatorSettings settings;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void theStoreCountsWhatWasLoadedWithCopy() {
        transactions.executeWithoutResult(t -> store.refresh(indicators.catalogue(), settings));
        data.load(SyntheticSize.DEMO, 3, LocalDate.now());
        assertThat(jdbc.sql("select count(*) from participant_fact_change").query(Long.class).single())
                .as("the change feed saw the loaded persons").isPositive();
        List<Period> periods = List.of(Period.quarter(2025, 2), Period.quarter(2025, 4), Period.year(2025),
                Period.projectToDate(settings.projectStart(), LocalDate.now()));
        for (Period period : periods) {
            for (String network : Arrays.asList(null, "milano")) {
                Map<String, String> stored = cells(period, network, true);
                Map<String, String> computed = cells(period, network, false);
                assertThat(computed).as("something to compare").isNotEmpty();
                Map<String, String> differences = new TreeMap<>();
                computed.forEach((k, v) -> {
                    if (!v.equals(stored.get(k))) {
                        differences.put(k, "computed " + v + ", stored " + stored.get(k));
                    }
                });
                stored.forEach((k, v) -> differences.putIfAbsent(k, computed.containsKey(k) ? null
                        : "computed nothing, stored " + v));
                differences.values().removeIf(Objects::isNull);
                assertThat(differences).as(period.code() + " " + network).isEmpty();
            }
        }
    }

    private Map<String, String> cells(Period period, String network, boolean stored) {
        return transactions.execute(t -> {
            List<IndicatorDefinition> all = indicators.catalogue();
            if (stored) {
                store.refresh(all, settings);
            }
            return engine.compute(all, period, network, settings, stored).stream().collect(Collectors.toMap(
                    c -> c.indicator() + " " + c.network() + " " + c.dimension() + " " + c.key(),
                    c -> c.value() == null ? "none" : c.value().stripTrailingZeros().toPlainString(),
                    (x, y) -> x + "|" + y, TreeMap::new));
        });
    }
}
