package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.cooperation.AgreementData;
import it.labimpact.cooperation.AgreementKind;
import it.labimpact.cooperation.Agreements;
import it.labimpact.cooperation.CooperationMetrics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * P1-COOP-NEW's baseline is the project's first quarter, derived in one place ({@link IndicatorSettings#firstQuarter})
 * for the SQL of the catalogue and the Java of the cooperation metrics: moving the project's start moves both.
 *
 * <p>Data (network milano): Comune di Milano – Fondazione ISMU, agreement from 1 May 2024, open. In 2024-Q3 the tie is
 * active; with the project starting on 1 Jan 2024 (baseline 2024-Q1) it is new, with the project starting on
 * 1 Apr 2024 (baseline 2024-Q2, when it was already active) it is not. Counted as a difference, so that other
 * evidence in the shared database does not matter.
 */
@SpringBootTest
class CooperationBaselineTest {

    @Autowired IndicatorEngine engine;
    @Autowired Indicators indicators;
    @Autowired CooperationMetrics metrics;
    @Autowired Agreements agreements;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void data() {
        long milano = organisation("Comune di Milano");
        long ismu = organisation("Fondazione ISMU");
        created.add(TestActors.call(TestActors.coordinator(), () -> agreements.create(new AgreementData(
                AgreementKind.PROTOCOL, "Protocollo di prova della situazione iniziale", "milano",
                List.of(milano, ismu), LocalDate.of(2024, 4, 20), LocalDate.of(2024, 5, 1), null, null, null))));
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        created.forEach(id -> {
            jdbc.sql("delete from cooperation_agreement_party where agreement_id = :id").param("id", id).update();
            jdbc.sql("delete from cooperation_agreement where id = :id").param("id", id).update();
        });
    }

    @Test
    void theBaselineFollowsTheProjectStartInSqlAndJava() {
        IndicatorSettings configured = indicators.settings();
        assertThat(indicators.definition("P1-COOP-NEW").parameters()).isEmpty();
        assertThat(configured.firstQuarter()).isEqualTo(Period.quarterOf(configured.projectStart()));
        assertThat(TestActors.call(TestActors.coordinator(), metrics::baseline)).isEqualTo(configured.firstQuarter());
        assertThat(new IndicatorSettings(LocalDate.of(2024, 4, 1), 5, List.of(18)).firstQuarter().code())
                .isEqualTo("2024-Q2");

        Period q3 = Period.quarter(2024, 3);
        IndicatorSettings later = new IndicatorSettings(LocalDate.of(2024, 4, 1), configured.smallCellThreshold(),
                configured.ageBands());
        int fromQ1 = newTies(q3, configured);
        int fromQ2 = newTies(q3, later);
        // the Milano–ISMU tie is new against 2024-Q1, not against 2024-Q2
        assertThat(fromQ1 - fromQ2).isEqualTo(1);
        // and the Java figures, with the configured start, agree with the SQL
        assertThat(TestActors.call(TestActors.coordinator(), () -> metrics.figures(q3, "milano")).newTies())
                .isEqualTo(fromQ1);
    }

    private int newTies(Period period, IndicatorSettings settings) {
        IndicatorDefinition d = indicators.definition("P1-COOP-NEW");
        return tx.execute(status -> engine.compute(List.of(d), period, "milano", settings, false)).stream()
                .filter(c -> c.isTotal() && "milano".equals(c.network())).map(Cell::value).findFirst()
                .orElse(BigDecimal.ZERO).intValue();
    }

    private long organisation(String name) {
        return jdbc.sql("select id from partnership_organisation where name = :n").param("n", name)
                .query(Long.class).single();
    }
}
