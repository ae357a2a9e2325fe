package it.labimpact.shared;

/** How far a user's view of the records reaches. */
public enum ScopeType {
    /** One partner organisation within one network. */
    ORGANISATION,
    /** One territorial network. */
    NETWORK,
    /** The whole project. */
    PROJECT
}
