package it.labimpact.cooperation;

/**
 * One row of the cooperation scorecard: a network ({@code network} null: the project) with its metrics for the period
 * and the active ties of the period before (the previous quarter or year; for the project to date, the project to the
 * end of the previous quarter), {@code null} when that period lies before the project's start.
 */
public record CooperationScorecardRow(String network, String networkName, CooperationFigures figures,
        Integer previousActiveTies) {

    /** Active ties gained (positive) or lost since the period before; {@code null} without one. */
    public Integer change() {
        return previousActiveTies == null ? null : figures.activeTies() - previousActiveTies;
    }
}
