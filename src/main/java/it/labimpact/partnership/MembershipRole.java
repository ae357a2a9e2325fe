package it.labimpact.partnership;

/** An organisation's role in a network. */
public enum MembershipRole {
    /** Capofila: leads the network. */
    LEAD,
    /** Partner: delivers activities. */
    PARTNER,
    /** Aderente: supports without delivering. */
    SUPPORTER
}
