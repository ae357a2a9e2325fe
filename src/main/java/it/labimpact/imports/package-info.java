/**
 * Imports: spreadsheet uploads (XLSX or CSV) of participants and their enrolments, in two steps — a dry run that
 * reports every problem row by row, then an all-or-nothing, idempotent commit. The module owns no domain data: it
 * reads the file, matches columns by their Italian or English names, and calls the owners' facades
 * ({@code ParticipantRegistry} for registration with the vault, pseudonymisation and de-duplication,
 * {@code Enrolments}, {@code ActivityCatalogue}), so an upload follows exactly the rules of the screens. Each
 * upload runs as a job whose progress, counts and report are kept (not the file itself).
 *
 * <p>Tables: {@code imports_job}, {@code imports_note}. Depends on {@code participant}, {@code activity},
 * {@code partnership}, {@code audit}, {@code identity} (the command-line import's account), {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package it.labimpact.imports;
