package it.labimpact.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A need with the names of what it refers to and, when read alone, the history of its status (oldest first;
 * empty in lists).
 *
 * @param createdBy the user name of the staff member who recorded it
 */
public record NeedView(long id, String networkCode, String networkName, NeedTheme theme, String comuneIstat,
        String comuneName, Long raisedByOrganisationId, String raisedByOrganisationName, NeedRaiserKind raisedByKind,
        LocalDate raisedOn, String description, String evidence, String evidenceLink, NeedStatus status,
        String response, String createdBy, Instant statusChangedAt, int version, List<Change> history) {

    /** One status the need went through. */
    public record Change(NeedStatus status, String response, String changedBy, Instant changedAt) {
    }
}
