package it.labimpact.cooperation;

import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.PeriodLockedException;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The approved (locked) quarters, for the facts the cooperation metrics count: a meeting's attendance on its day,
 * an agreement over the days it is in force, a referral from sending to closing. A change that would alter a
 * locked quarter's ties is refused ({@link PeriodLockedException}), tied to the form field that would change it.
 *
 * <p>A network's facts are locked when the network's quarter is approved. Project-wide facts (network {@code null}:
 * the steering group's and project-wide working groups' meetings, project-wide agreements) count only in the
 * project's values, which are approved when every network's quarter is (the project's snapshot is then taken): they
 * are locked from then until a network's quarter is reopened ({@link LockedPeriods#ensureProjectOpen}).
 */
@Component
class CooperationLocks {

    private final LockedPeriods locks;

    CooperationLocks(LockedPeriods locks) {
        this.locks = locks;
    }

    /** Refuses when {@code day} lies in a locked quarter of the network ({@code null}: of the project). */
    void ensureOpen(String network, LocalDate day) {
        ensureOpen(null, network, day);
    }

    /** {@link #ensureOpen(String, LocalDate)}, the refusal tied to {@code field}. */
    void ensureOpen(String field, String network, LocalDate day) {
        if (day == null) {
            return;
        }
        try {
            if (network == null) {
                locks.ensureProjectOpen(day);
            } else {
                locks.ensureOpen(network, day);
            }
        } catch (PeriodLockedException e) {
            throw field == null ? e : e.onField(field);
        }
    }

    /** Refuses when any quarter from {@code from}'s to {@code to}'s is locked for the network (or the project). */
    void ensureOpen(String field, String network, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return;
        }
        for (LocalDate day = from; !day.isAfter(to); day = firstOfNextQuarter(day)) {
            ensureOpen(field, network, day);
        }
    }

    /** Refuses when any quarter after {@code day}'s, up to {@code to}'s, is locked for the network. */
    void ensureOpenAfter(String network, LocalDate day, LocalDate to) {
        ensureOpen(null, network, firstOfNextQuarter(day), to);
    }

    private static LocalDate firstOfNextQuarter(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
        return day.withDayOfMonth(1).withMonth(firstMonth).plusMonths(3);
    }
}
