package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Small-cell suppression on hand-made cells, threshold 5. */
class SmallCellsTest {

    private static final IndicatorDefinition PERSONS = definition("P", CountingRule.PERSONS, List.of());
    private static final IndicatorDefinition BASE = definition("B", CountingRule.PERSONS, List.of());
    private static final IndicatorDefinition RATE = definition("R", CountingRule.RATIO, List.of("P", "B"));
    private static final IndicatorDefinition THINGS = definition("T", CountingRule.THINGS, List.of());
    private static final List<IndicatorDefinition> CATALOGUE = List.of(PERSONS, BASE, RATE, THINGS);

    @Test
    void aSmallCellAndTheSmallestOtherOfItsGroupAreHidden() {
        // sex: F 20, M 3, X 0 → M hidden (primary); F alone would give M = 23 - 20, so... only two non-zero cells:
        // F is the smallest other shown cell and is hidden too (secondary). The total 23 stays.
        List<Cell> cells = List.of(cell("P", null, null, null, 23), cell("P", null, Dimension.SEX, "F", 20),
                cell("P", null, Dimension.SEX, "M", 3));
        Map<String, BigDecimal> shown = shown(SmallCells.suppress(cells, CATALOGUE, 5));
        assertThat(shown).containsOnlyKeys("P/null/null/null");
    }

    @Test
    void theSecondCellHiddenIsTheSmallestOfTheOthers() {
        // citizenship: MA 40, EG 12, CN 7, AL 2 → AL hidden (primary), CN (7, the smallest other) hidden (secondary)
        List<Cell> cells = List.of(cell("P", null, null, null, 61), cell("P", null, Dimension.CITIZENSHIP, "MA", 40),
                cell("P", null, Dimension.CITIZENSHIP, "EG", 12), cell("P", null, Dimension.CITIZENSHIP, "CN", 7),
                cell("P", null, Dimension.CITIZENSHIP, "AL", 2));
        assertThat(shown(SmallCells.suppress(cells, CATALOGUE, 5)).keySet()).containsExactlyInAnyOrder(
                "P/null/null/null", "P/null/CITIZENSHIP/MA", "P/null/CITIZENSHIP/EG");
    }

    @Test
    void twoSmallCellsNeedNoSecondaryAndLargeOnesStay() {
        List<Cell> cells = List.of(cell("P", null, null, null, 30), cell("P", null, Dimension.SEX, "F", 24),
                cell("P", null, Dimension.SEX, "M", 4), cell("P", null, Dimension.SEX, "X", 2));
        assertThat(shown(SmallCells.suppress(cells, CATALOGUE, 5)).keySet())
                .containsExactlyInAnyOrder("P/null/null/null", "P/null/SEX/F");
    }

    @Test
    void aSmallTotalHidesItsBreakdownsAndNetworkTotalsFormAGroup() {
        // network totals: milano 12, cremasca 3 (hidden), ghedi 8 → ghedi hidden too (smallest other);
        // cremasca's breakdowns are hidden with its total
        List<Cell> cells = List.of(cell("P", null, null, null, 22), cell("P", "milano", null, null, 12),
                cell("P", "cremasca", null, null, 3), cell("P", "ghedi", null, null, 8),
                cell("P", "cremasca", Dimension.SEX, "F", 3));
        assertThat(shown(SmallCells.suppress(cells, CATALOGUE, 5)).keySet())
                .containsExactlyInAnyOrder("P/null/null/null", "P/milano/null/null");
    }

    @Test
    void zeroIsShownThingsAreNeverHiddenAndRatiosFollowTheirBase() {
        List<Cell> cells = List.of(cell("P", null, null, null, 0), cell("T", null, null, null, 2),
                cell("B", "milano", null, null, 4), cell("R", "milano", null, null, 75),
                cell("B", "ghedi", null, null, 10), cell("R", "ghedi", null, null, 40),
                cell("B", "como", null, null, 8), cell("R", "como", null, null, 50));
        // B: milano 4 hidden, como 8 hidden with it (smallest other); the rates follow their bases
        Set<String> shown = shown(SmallCells.suppress(cells, CATALOGUE, 5)).keySet();
        assertThat(shown).contains("P/null/null/null", "T/null/null/null", "R/ghedi/null/null", "B/ghedi/null/null")
                .doesNotContain("R/milano/null/null", "B/milano/null/null", "R/como/null/null");
    }

    @Test
    void hiddenCellsKeepTheirPlaceWithoutAValue() {
        List<Cell> out = SmallCells.suppress(List.of(cell("P", null, null, null, 2)), CATALOGUE, 5);
        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.suppressed()).isTrue();
            assertThat(c.value()).isNull();
        });
    }

    private static Map<String, BigDecimal> shown(List<Cell> cells) {
        return cells.stream().filter(c -> !c.suppressed()).collect(Collectors.toMap(
                c -> c.indicator() + "/" + c.network() + "/" + c.dimension() + "/" + c.key(), Cell::value));
    }

    private static Cell cell(String code, String network, Dimension d, String key, long value) {
        return new Cell(code, network, d, key, BigDecimal.valueOf(value), false);
    }

    private static IndicatorDefinition definition(String code, CountingRule rule, List<String> parameters) {
        return new IndicatorDefinition(code, 1, IndicatorKind.PROJECT, null, "OS2", null, code, code, "n", "n", "d",
                "d", rule, "X", parameters, Set.of());
    }
}
