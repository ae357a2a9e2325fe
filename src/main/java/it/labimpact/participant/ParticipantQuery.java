package it.labimpact.participant;

/**
 * Filters of the participant list; any may be {@code null}.
 *
 * @param text a codice fiscale or provisional code (exact, through its keyed hash), or the start of a surname
 *     (decrypts the surnames of one network's records)
 * @param network for project-wide actors: the network to list; required to search by surname
 */
public record ParticipantQuery(String text, String network) {
}
