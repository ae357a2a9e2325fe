package it.labimpact.cooperation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The attendance of every invited organisation, saved at once on a meeting read at {@code version}.
 *
 * @param entries one per invited organisation; an organisation left out is recorded as absent
 */
public record MeetingAttendanceUpdate(@NotNull Integer version, @NotNull List<@Valid Entry> entries) {

    /**
     * One organisation's attendance.
     *
     * @param people people present; {@code null} with {@code present} means one
     */
    public record Entry(@NotNull Long organisationId, boolean present, Integer people) {
    }
}
