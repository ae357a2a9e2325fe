package it.labimpact.shared;

/** A change to a fact dated in an approved, locked period ({@link LockedPeriods}); shown as a rule violation. */
public class PeriodLockedException extends RuleViolationException {

    public PeriodLockedException(String periodLabel) {
        super(null, "period.locked", periodLabel);
    }

    /** A refusal with its own message ({@code period.locked.project}: the project's period), tied to a field. */
    public PeriodLockedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    /** The same refusal tied to a form field, so that the page shows it beside the field that would change. */
    public PeriodLockedException onField(String field) {
        return new PeriodLockedException(field, messageKey(), args());
    }
}
