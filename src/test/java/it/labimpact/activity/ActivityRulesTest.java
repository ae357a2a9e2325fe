package it.labimpact.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The date and hour rules of activities and sessions, without Spring. */
class ActivityRulesTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final LocalDate END = LocalDate.of(2026, 12, 18);

    @Test
    void sessionHoursDefaultToTheTimeBetweenStartAndEnd() {
        assertThat(ActivityRules.sessionHours(session("18:00", "20:30", null))).isEqualByComparingTo("2.5");
        assertThat(ActivityRules.sessionHours(session("09:10", "09:30", null))).isEqualByComparingTo("0.33");
        assertThat(ActivityRules.sessionHours(session("00:00", "23:59", null))).isEqualByComparingTo("23.98");
    }

    @Test
    void givenHoursWinOverTheTimesWhenTheyFitInThem() {
        assertThat(ActivityRules.sessionHours(session("09:00", "13:00", "3.5"))).isEqualByComparingTo("3.5");
        assertThat(ActivityRules.sessionHours(session(null, null, "24"))).isEqualByComparingTo("24");
        assertThat(ActivityRules.sessionHours(session("09:00", null, "1.25"))).isEqualByComparingTo("1.25");
    }

    @Test
    void refusesZeroNegativeOrMoreThanADaysHours() {
        for (String hours : List.of("0", "-1", "24.01", "30")) {
            assertViolation(() -> ActivityRules.sessionHours(session(null, null, hours)), "hours",
                    "session.hours.range");
        }
    }

    @Test
    void refusesHoursLongerThanTheTimesAllow() {
        assertViolation(() -> ActivityRules.sessionHours(session("18:00", "20:00", "2.5")), "hours",
                "session.hours.exceedTimes");
    }

    @Test
    void refusesAnEndTimeThatDoesNotFollowTheStart() {
        assertViolation(() -> ActivityRules.sessionHours(session("20:00", "18:00", null)), "endTime",
                "session.times.order");
        assertViolation(() -> ActivityRules.sessionHours(session("18:00", "18:00", "1")), "endTime",
                "session.times.order");
    }

    @Test
    void asksForHoursWhenNeitherHoursNorBothTimesAreGiven() {
        assertViolation(() -> ActivityRules.sessionHours(session(null, null, null)), "hours",
                "session.hours.required");
        assertViolation(() -> ActivityRules.sessionHours(session("10:00", null, null)), "hours",
                "session.hours.required");
    }

    @Test
    void aSessionFallsWithinItsActivitysDatesBothEndsIncluded() {
        assertThatCode(() -> ActivityRules.checkWithin(START, START, END)).doesNotThrowAnyException();
        assertThatCode(() -> ActivityRules.checkWithin(END, START, END)).doesNotThrowAnyException();
        assertViolation(() -> ActivityRules.checkWithin(START.minusDays(1), START, END), "date",
                "session.date.outside");
        assertViolation(() -> ActivityRules.checkWithin(END.plusDays(1), START, END), "date", "session.date.outside");
        assertViolation(() -> ActivityRules.checkWithin(null, START, END), "date", "session.date.required");
    }

    @Test
    void anActivityEndsOnOrAfterItsStart() {
        assertThatCode(() -> ActivityRules.checkDates(START, START)).doesNotThrowAnyException();
        assertViolation(() -> ActivityRules.checkDates(START, START.minusDays(1)), "endDate", "activity.dates.order");
    }

    @Test
    void plannedHoursAndCapacityArePositive() {
        assertViolation(() -> ActivityRules.checkPlannedHours(BigDecimal.ZERO), "plannedHours",
                "activity.hours.positive");
        assertViolation(() -> ActivityRules.checkPlannedHours(new BigDecimal("-4")), "plannedHours",
                "activity.hours.positive");
        assertViolation(() -> ActivityRules.checkCapacity(0), "capacity", "activity.capacity.positive");
        assertThatCode(() -> ActivityRules.checkCapacity(null)).doesNotThrowAnyException();
    }

    @Test
    void languagesAreCleanIso6391Codes() {
        assertThat(ActivityRules.languages(Arrays.asList(" IT", "ar", "it", "", null, "uk")))
                .containsExactly("it", "ar", "uk");
        assertViolation(() -> ActivityRules.languages(List.of("it", "ita")), "languages", "activity.languages.invalid");
        assertViolation(() -> ActivityRules.languages(List.of("xx")), "languages", "activity.languages.invalid");
    }

    private static SessionData session(String from, String to, String hours) {
        return new SessionData(START, from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), hours == null ? null : new BigDecimal(hours), null, null);
    }

    private static void assertViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
