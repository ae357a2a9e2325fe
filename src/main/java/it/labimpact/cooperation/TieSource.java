package it.labimpact.cooperation;

/** Where the evidence of a tie between two organisations comes from. */
public enum TieSource {
    /** Both co-deliver an activity (not cancelled), from its start to its end. */
    CO_DELIVERY,
    /** Both are parties of an agreement, while it is in force. */
    AGREEMENT,
    /** One referred a participant to the other, from sending to closing. */
    REFERRAL,
    /** Both were present at the same governance meeting held, on its day. */
    MEETING
}
