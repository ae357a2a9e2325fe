package it.labimpact.activity;

import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules on dates and hours that need no database: one place, unit-tested. */
final class ActivityRules {

    static final BigDecimal MAX_SESSION_HOURS = BigDecimal.valueOf(24);
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private ActivityRules() {
    }

    /** An activity ends on or after the day it starts. */
    static void checkDates(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new RuleViolationException("endDate", "activity.dates.order");
        }
    }

    /** Planned hours are more than zero. */
    static void checkPlannedHours(BigDecimal hours) {
        if (hours == null || hours.signum() <= 0) {
            throw new RuleViolationException("plannedHours", "activity.hours.positive");
        }
    }

    /** A capacity, when given, is at least one place. */
    static void checkCapacity(Integer capacity) {
        if (capacity != null && capacity <= 0) {
            throw new RuleViolationException("capacity", "activity.capacity.positive");
        }
    }

    /**
     * The hours of a session: those given, or else the time between start and end. The end follows the
     * start; the hours are more than zero, at most 24, and no more than the time between start and end.
     */
    static BigDecimal sessionHours(SessionData s) {
        BigDecimal span = null;
        if (s.startTime() != null && s.endTime() != null) {
            if (!s.endTime().isAfter(s.startTime())) {
                throw new RuleViolationException("endTime", "session.times.order");
            }
            span = BigDecimal.valueOf(Duration.between(s.startTime(), s.endTime()).toMinutes())
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        }
        BigDecimal hours = s.hours() != null ? s.hours() : span;
        if (hours == null) {
            throw new RuleViolationException("hours", "session.hours.required");
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_SESSION_HOURS) > 0) {
            throw new RuleViolationException("hours", "session.hours.range");
        }
        if (span != null && hours.compareTo(span) > 0) {
            throw new RuleViolationException("hours", "session.hours.exceedTimes", span.toPlainString());
        }
        return hours.setScale(2, RoundingMode.HALF_UP);
    }

    /** A session takes place within its activity's dates. */
    static void checkWithin(LocalDate day, LocalDate start, LocalDate end) {
        if (day == null) {
            throw new RuleViolationException("date", "session.date.required");
        }
        if (day.isBefore(start) || day.isAfter(end)) {
            throw new RuleViolationException("date", "session.date.outside", start.toString(), end.toString());
        }
    }

    /** Language codes, trimmed, lower-cased, without repetitions; each an ISO 639-1 code. */
    static List<String> languages(List<String> codes) {
        List<String> clean = new ArrayList<>();
        if (codes == null) {
            return clean;
        }
        for (String raw : codes) {
            String code = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty() || clean.contains(code)) {
                continue;
            }
            if (!ISO_639_1.contains(code)) {
                throw new RuleViolationException("languages", "activity.languages.invalid", raw.strip());
            }
            clean.add(code);
        }
        return clean;
    }
}
