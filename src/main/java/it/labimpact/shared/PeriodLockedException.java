package it.labimpact.shared;

/** A change to a fact dated in an approved, locked period ({@link LockedPeriods}); shown as a rule violation. */
public class PeriodLockedException extends RuleViolationException {

    public PeriodLockedException(String periodLabel) {
        super(null, "period.locked", periodLabel);
    }
}
