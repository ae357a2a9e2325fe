/**
 * Bulk loading with PostgreSQL {@code COPY}: {@link it.labimpact.shared.bulk.CopyRows} streams rows in COPY's text
 * format through the JDBC driver's CopyManager, on the connection of the current transaction. Each module's
 * bulk-load port uses it for its own tables only.
 */
@org.springframework.modulith.NamedInterface("bulk")
package it.labimpact.shared.bulk;
