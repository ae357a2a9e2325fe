package it.labimpact.indicator;

import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.PeriodLockedException;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The locked periods: a day is locked for a network when its quarter has an approved submission (not reopened
 * since), and for the project (its project-wide facts) when the project's values of the quarter are approved: every
 * network's quarter approved, the project's snapshot taken and not superseded.
 */
@Component
class ApprovedPeriods implements LockedPeriods {

    private final ApprovalRepository repository;

    ApprovedPeriods(ApprovalRepository repository) {
        this.repository = repository;
    }

    @Override
    public void ensureOpen(String networkCode, LocalDate date) {
        if (networkCode == null || date == null) {
            return;
        }
        Period quarter = Period.quarterOf(date);
        if (repository.locked(networkCode, quarter.code())) {
            throw new PeriodLockedException(quarter.label(LocaleContextHolder.getLocale()));
        }
    }

    @Override
    public void ensureProjectOpen(LocalDate date) {
        if (date == null) {
            return;
        }
        Period quarter = Period.quarterOf(date);
        if (repository.projectLocked(quarter.code())) {
            throw new PeriodLockedException(null, "period.locked.project",
                    quarter.label(LocaleContextHolder.getLocale()));
        }
    }
}
