package it.labimpact.participant;

import java.time.LocalDate;
import java.util.UUID;

/** A participant was registered by a network; carries no personal data. */
public record ParticipantRegistered(UUID participantId, UUID personId, String networkCode, long organisationId,
        LocalDate firstContactDate, boolean alreadyRegisteredInProject) {
}
