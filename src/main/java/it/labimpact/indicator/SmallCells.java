package it.labimpact.indicator;

import java.util.List;

/** Small-cell suppression for published values. */
final class SmallCells {

    private SmallCells() {
    }

    static List<Cell> suppress(List<Cell> cells, List<IndicatorDefinition> catalogue, int threshold) {
        throw new UnsupportedOperationException("lands next");
    }
}
