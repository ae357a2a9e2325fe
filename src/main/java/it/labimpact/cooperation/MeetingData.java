package it.labimpact.cooperation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a meeting, validated the same way on pages and API. Rules across fields and records
 * (place or link by mode, times, the organisations invited, held only once its day has come) are checked by
 * {@link MeetingRegistry}.
 *
 * @param bodyId the governance body that meets; it cannot change once the meeting exists
 * @param invitedIds the organisations invited; an organisation whose attendance is recorded stays invited
 * @param version the version read, when changing a meeting; ignored when creating one
 */
public record MeetingData(
        @NotNull Long bodyId,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime startTime,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime endTime,
        @NotNull MeetingMode mode,
        @Size(max = 300) String place,
        @Size(max = 500) @Pattern(regexp = "^(https?://\\S+)?$", message = "{governance.meeting.link.invalid}")
        String link,
        @Size(max = 4000) String agenda,
        @Size(max = 20000) String minutes,
        @NotNull MeetingStatus status,
        List<Long> invitedIds,
        Integer version) {

    /** The organisations invited, without repetitions. */
    public List<Long> invited() {
        return invitedIds == null ? List.of()
                : invitedIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
