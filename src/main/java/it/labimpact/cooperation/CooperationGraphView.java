package it.labimpact.cooperation;

import java.util.List;

/**
 * The cooperation graph of a network ({@code null}: the project) for a period, with its metrics.
 *
 * @param period the period's code ({@code 2026-Q3}, {@code 2026}, {@code PTD})
 */
public record CooperationGraphView(String period, String network, CooperationFigures figures,
        List<CooperationNode> nodes, List<CooperationTie> ties) {
}
