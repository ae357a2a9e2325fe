package it.labimpact.cooperation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A decision as recorded or updated.
 *
 * @param ownerOrganisationId the organisation that carries it out
 * @param status its follow-up; {@code null} means open when recording
 * @param version the version read, when updating; ignored when recording
 */
public record MeetingDecisionData(
        @NotBlank @Size(min = 3, max = 2000) String text,
        @NotNull Long ownerOrganisationId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
        MeetingDecisionStatus status,
        @Size(max = 2000) String note,
        Integer version) {
}
