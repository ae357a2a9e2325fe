package it.labimpact.shared;

import java.time.LocalDate;

/**
 * Periods whose data a network has submitted and the coordinator has approved are locked: facts dated in them
 * (attendance, enrolments, assessments, outcomes, sessions) may not change until the coordinator reopens the
 * period. The modules that own those facts ask before every change; the indicator module answers.
 */
public interface LockedPeriods {

    /**
     * Refuses a change to a fact of {@code networkCode} dated {@code date} when that day lies in a locked period.
     *
     * @throws PeriodLockedException when it does
     */
    void ensureOpen(String networkCode, LocalDate date);
}
