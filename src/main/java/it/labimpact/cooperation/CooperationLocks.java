package it.labimpact.cooperation;

import it.labimpact.shared.LockedPeriods;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The approved (locked) quarters, for the facts the cooperation metrics count: a meeting's attendance on its day,
 * an agreement over the days it is in force, a referral from sending to closing. A change that would alter a
 * locked quarter's ties is refused ({@link it.labimpact.shared.PeriodLockedException}). Project-wide facts
 * (network {@code null}) belong to no network's submission and are not locked.
 */
@Component
class CooperationLocks {

    private final LockedPeriods locks;

    CooperationLocks(LockedPeriods locks) {
        this.locks = locks;
    }

    /** Refuses when {@code day} lies in a locked quarter of the network. */
    void ensureOpen(String network, LocalDate day) {
        locks.ensureOpen(network, day);
    }

    /** Refuses when any quarter from {@code from}'s to {@code to}'s is locked for the network. */
    void ensureOpen(String network, LocalDate from, LocalDate to) {
        if (network == null || from == null || to == null) {
            return;
        }
        for (LocalDate day = from; !day.isAfter(to); day = firstOfNextQuarter(day)) {
            locks.ensureOpen(network, day);
        }
    }

    /** Refuses when any quarter after {@code day}'s, up to {@code to}'s, is locked for the network. */
    void ensureOpenAfter(String network, LocalDate day, LocalDate to) {
        ensureOpen(network, firstOfNextQuarter(day), to);
    }

    private static LocalDate firstOfNextQuarter(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
        return day.withDayOfMonth(1).withMonth(firstMonth).plusMonths(3);
    }
}
