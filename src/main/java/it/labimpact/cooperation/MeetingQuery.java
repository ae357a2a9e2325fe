package it.labimpact.cooperation;

import java.time.LocalDate;

/**
 * Filters of the meeting list; any may be {@code null}.
 *
 * @param network a network code: that network's bodies only
 * @param from meetings on or after this day
 * @param to meetings on or before this day
 */
public record MeetingQuery(Long bodyId, String network, MeetingStatus status, LocalDate from, LocalDate to) {
}
