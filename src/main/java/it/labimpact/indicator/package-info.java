/**
 * Indicators: the catalogue of the fund's common indicators (AMIF, specific objective 2) and the project's own,
 * each as data bound to a reviewed SQL computation; reporting periods; values computed fresh from the facts the
 * other modules publish as {@code <module>_fact_*} views, with breakdowns and small-cell suppression for what is
 * published; targets and baselines; the approval of each network's quarters, which locks them
 * ({@link it.labimpact.shared.LockedPeriods}) and stores their values as snapshots.
 *
 * <p>Tables: {@code indicator_definition}, {@code indicator_target}, {@code indicator_submission},
 * {@code indicator_submission_step}, {@code indicator_snapshot}. Reads the views {@code participant_fact_*},
 * {@code activity_fact_*}, {@code partnership_fact_*}, {@code territory_fact_*}. Depends on {@code shared},
 * {@code audit} (every change to targets and submissions) and {@code partnership} (the networks).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicator")
package it.labimpact.indicator;
