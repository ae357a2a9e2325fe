/**
 * The month calendar the pages of several modules show (sessions, meetings).
 */
@org.springframework.modulith.NamedInterface("calendar")
package it.labimpact.shared.calendar;
