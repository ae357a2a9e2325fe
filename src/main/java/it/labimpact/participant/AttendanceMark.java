package it.labimpact.participant;

import java.math.BigDecimal;

/**
 * One cell of the class register: whether an enrolled participant was present at a session, and for how long.
 *
 * @param hours the hours attended; {@code null} means the whole session when present, none when absent
 */
public record AttendanceMark(long enrolmentId, boolean present, BigDecimal hours) {
}
