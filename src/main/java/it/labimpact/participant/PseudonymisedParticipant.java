package it.labimpact.participant;

import java.util.UUID;

/**
 * Pseudonymised microdata for evaluators: no names, no codes, no contacts, birth year not date, first contact
 * as a month.
 *
 * @param firstContactMonth {@code YYYY-MM}
 */
public record PseudonymisedParticipant(UUID participantId, UUID personId, String networkCode, Sex sex,
        int birthYear, String citizenship, String residenceIstat, String firstContactMonth, boolean erased) {
}
