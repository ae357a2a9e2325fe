/**
 * Reports: what people hand in and look at — the project and network dashboards with maps, the exports of every
 * table (XLSX, CSV), the periodic PDF report, the fund's annual indicator export and the open-data release.
 * Runs no SQL of its own on other modules' data: it reads the indicator, partnership, territory and activity
 * facades.
 *
 * <p>Public face: {@link it.labimpact.report.Reports}
 * (indicators against targets, scope of a report), {@link it.labimpact.report.PeriodicReports} (the periodic
 * report and its PDF), {@link it.labimpact.report.ReportNotes} and {@link it.labimpact.report.OpenData}
 * (open-data files and their DCAT-AP_IT catalogue). The CSV and XLSX writers every export uses are in
 * {@code shared.export}, so that any module can export its tables.
 *
 * <p>Tables: {@code report_note} (a network's note on a period, printed in the periodic report).
 *
 * <p>Depends on {@code indicator}, {@code partnership}, {@code territory}, {@code activity}, {@code cooperation}
 * (the title of a training behind a number), {@code directory} (the user's stale entries on the dashboard),
 * {@code audit}, {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report")
package it.labimpact.report;
