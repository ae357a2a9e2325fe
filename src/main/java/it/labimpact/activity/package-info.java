/**
 * Activities (attività): the activity types, kept as data an administrator extends; the activities a
 * territorial network runs, delivered by one or more of its member organisations (one leads); their
 * sessions. Reads are scoped to the actor's network ({@link it.labimpact.activity.ActivityCatalogue}),
 * changes are audited and guarded by optimistic locking ({@link it.labimpact.activity.ActivityManagement}).
 *
 * <p>Tables: {@code activity_type}, {@code activity_activity}, {@code activity_organisation},
 * {@code activity_session}. Publishes {@link it.labimpact.activity.ActivityPlanChanged} when what completion is
 * measured against changes. Depends on {@code partnership}, {@code territory}, {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activity")
package it.labimpact.activity;
