/**
 * Shared kernel: the few types every module speaks — the acting user ({@link it.labimpact.shared.Actor}),
 * paging, optimistic-lock conflicts, tolerant CSV reading — plus infrastructure that belongs to no
 * domain (embedded PostgreSQL in the default run, problem+json for the API, locale handling).
 * Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package it.labimpact.shared;
