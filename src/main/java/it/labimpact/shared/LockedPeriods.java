package it.labimpact.shared;

import java.time.LocalDate;

/**
 * Periods whose data a network has submitted and the coordinator has approved are locked: facts dated in them
 * (attendance, enrolments, assessments, outcomes, sessions, meetings, agreements, referrals) may not change until the
 * coordinator reopens the period. The modules that own those facts ask before every change; the indicator module
 * answers.
 */
public interface LockedPeriods {

    /**
     * Refuses a change to a fact of {@code networkCode} dated {@code date} when that day lies in a locked period.
     * A {@code null} network is no network's: nothing is refused (see {@link #ensureProjectOpen}).
     *
     * @throws PeriodLockedException when it does
     */
    void ensureOpen(String networkCode, LocalDate date);

    /**
     * Refuses a change to a project-wide fact (one that belongs to no network: a project-wide governance body's
     * meeting, a project-wide agreement) dated {@code date} when the project's values for that day's quarter are
     * approved: every network's quarter is approved, so the project's snapshot is current. Reopening any network's
     * quarter unlocks it.
     *
     * @throws PeriodLockedException ({@code period.locked.project}) when it does
     */
    void ensureProjectOpen(LocalDate date);
}
