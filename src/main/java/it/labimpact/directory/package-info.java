/**
 * Directory: the public multilingual catalogue of services and events for people with a migrant background
 * (action 03, "qualified information"), and its editorial workflow.
 *
 * <p><b>Content.</b> Entries are services or events ({@link it.labimpact.directory.EntryKind}) of a partnership
 * organisation, held by a network: categories from a fixed taxonomy ({@link it.labimpact.directory.DirectoryCategory}),
 * languages spoken at the desk, contacts, one or more locations in a comune (address and coordinates), weekly opening
 * hours and exceptions, and for events start and end. Every text ({@link it.labimpact.directory.TextField}) is
 * written in Italian, the source, and translated per language ({@link it.labimpact.directory.PublicLanguage}) with a
 * state (missing, draft, reviewed); visitors read reviewed translations and Italian, marked as such, where a
 * translation is missing. Ids are UUIDs, and the model follows HSDS 3.0 (service, organization, location,
 * service_at_location, schedule, taxonomy_term) so that the HSDS API is a mapping, not a redesign.
 *
 * <p><b>Workflow.</b> {@link it.labimpact.directory.DirectoryEditorial}: operators draft entries for their network's
 * organisations; the network lead (coordination too) publishes and unpublishes; a published entry carries "last
 * checked on", renewed by "confirm still valid"; entries unchecked for {@code labimpact.directory.stale-after} are
 * stale. Optimistic locking, every change audited. Another network's entry is "not found".
 * {@link it.labimpact.directory.ActivityPublishing} drafts an event from a registry activity with one action (its
 * texts, place, dates, languages, categories from its type), remembered so that an activity is published once.
 *
 * <p><b>Visitors.</b> {@link it.labimpact.directory.PublicDirectory}: published entries only, no login.
 *
 * <p><b>Open API.</b> {@link it.labimpact.directory.HsdsDirectory}: the same published entries as HSDS 3.0 objects,
 * served under {@code /api/hsds/} (public, read-only, cacheable, rate-limited per address), with translations and
 * events as extensions.
 *
 * <p>Tables {@code directory_entry}, {@code directory_entry_category}, {@code directory_text},
 * {@code directory_location}, {@code directory_opening}, {@code directory_closure} (V9_0; an entry's source
 * activity, V9_1). Staff pages under
 * {@code /directory}, public pages under {@code /servizi}, {@code /eventi} and {@code /sitemap.xml}.
 *
 * <p>Depends on {@code partnership}, {@code territory}, {@code activity} (activities published as events),
 * {@code audit}, {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package it.labimpact.directory;
