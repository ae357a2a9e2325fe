package it.labimpact.participant;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of a registration.
 *
 * @param alreadyRegisteredInProject the person was already known to another network: the operator learns only
 *     this, never anything the other network holds
 */
public record Registration(UUID participantId, boolean alreadyRegisteredInProject, List<FieldWarning> warnings) {
}
