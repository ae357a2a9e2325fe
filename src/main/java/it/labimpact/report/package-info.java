/**
 * Reports: what people hand in and look at — the project and network dashboards with maps, the exports of every
 * table (XLSX, CSV), the periodic PDF report, the fund's annual indicator export and the open-data release.
 * Runs no SQL of its own on other modules' data: it reads the indicator, partnership, territory and activity
 * facades.
 *
 * <p>Depends on {@code indicator}, {@code partnership}, {@code territory}, {@code activity}, {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report")
package it.labimpact.report;
