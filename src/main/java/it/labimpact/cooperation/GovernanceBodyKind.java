package it.labimpact.cooperation;

/** The kinds of governance body. */
public enum GovernanceBodyKind {
    /** Cabina di regia regionale: one for the whole project. */
    STEERING_GROUP,
    /** Tavolo di rete: one per territorial network. */
    NETWORK_TABLE,
    /** Gruppo di lavoro tematico: project-wide or within a network. */
    WORKING_GROUP
}
