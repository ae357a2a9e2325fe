/**
 * Audit trail: an append-only record of who did what, when, to which record and from where — every
 * change, every read of personal data, every login. Other modules write to it synchronously through
 * {@link it.labimpact.audit.AuditTrail}, inside their own transaction, so a change and its audit entry
 * commit or roll back together. The database refuses updates and deletes on the table.
 *
 * <p>Tables: {@code audit_event}. Depends on nothing but {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package it.labimpact.audit;
