/**
 * Synthetic data: a generator, deterministic by seed, of realistic but invented data for demos and benchmarks —
 * networks' comuni coverage near each lead's seat, member organisations of every kind, activities of all types
 * across the three actions with sessions and co-delivering organisations, participants (citizenships of the main
 * communities in Lombardy, sex, age, CEFR entry levels, progress, dropout, persons registered by two networks,
 * missing codes), enrolments, attendance, assessments, outcomes and survey answers. Everything it makes is marked
 * synthetic: names start with "[SINTETICO]", organisations and activities carry the demo flag, participants are
 * registered by the account {@code synthetic}.
 *
 * <p>Owns no tables: it hands the rows to the bulk-load ports of their owners ({@code PartnershipBulkLoad},
 * {@code ActivityBulkLoad}, {@code ParticipantBulkLoad}), which write them with PostgreSQL {@code COPY} in one
 * transaction. Sizes: {@code demo} (the default run), {@code small} and {@code scale} (1,000,000 participants, about
 * 10,000,000 attendance rows; the benchmarks). Command-line mode: {@code --labimpact.synthetic.size=scale
 * --labimpact.synthetic.seed=42}. Depends on {@code partnership}, {@code activity}, {@code participant},
 * {@code territory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Synthetic data")
package it.labimpact.synthetic;
