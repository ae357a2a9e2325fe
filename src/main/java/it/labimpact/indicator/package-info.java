/**
 * Indicators: the catalogue of the fund's common indicators (AMIF, specific objective 2) and the project's own,
 * each as data bound to a reviewed SQL computation; reporting periods; values computed fresh from the facts the
 * other modules publish as {@code <module>_fact_*} views, with breakdowns and small-cell suppression for what is
 * published.
 *
 * <p>Tables: {@code indicator_definition}. Reads the views {@code participant_fact_*}, {@code activity_fact_*},
 * {@code partnership_fact_*}, {@code territory_fact_*}. Depends on {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicator")
package it.labimpact.indicator;
