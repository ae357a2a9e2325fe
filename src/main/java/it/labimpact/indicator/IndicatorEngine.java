package it.labimpact.indicator;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reviewed SQL computations the catalogue's indicators are bound to. */
@Component
class IndicatorEngine {

    private final JdbcClient jdbc;

    IndicatorEngine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Cell> compute(List<IndicatorDefinition> definitions, Period period, String network, IndicatorSettings s) {
        throw new UnsupportedOperationException("engine lands next");
    }

    List<DrillRecord> records(IndicatorDefinition d, Period period, String network, Dimension dimension, String key,
            IndicatorSettings s) {
        throw new UnsupportedOperationException("engine lands next");
    }
}
