package it.labimpact.participant;

/**
 * A line of the participant list. Names are filled only in the results of a search (an audited read);
 * browsing shows the pseudonymous summary alone.
 */
public record ParticipantListing(ParticipantSummary summary, String surname, String givenNames) {
}
