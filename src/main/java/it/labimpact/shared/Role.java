package it.labimpact.shared;

/** What a user does on the platform (DOMAIN.md, "Who uses the platform"). */
public enum Role {
    /** Staff of a partner organisation: registers participants, activities, attendance. */
    OPERATOR,
    /** Staff of a lead partner: manages the network, reviews and submits its data. */
    NETWORK_LEAD,
    /** Regione Lombardia: sees everything, sets targets, approves periods, reports to the fund. */
    COORDINATOR,
    /** ANCI Lombardia: governance meetings, capacity building, cooperation. */
    GOVERNANCE,
    /** Fondazione ISMU: pseudonymised microdata and all aggregates. */
    EVALUATOR,
    /** Runs the platform: users, reference data. */
    ADMIN;

    /** The scope a user of this role must have. */
    public boolean allows(ScopeType scope) {
        return switch (this) {
            case OPERATOR -> scope == ScopeType.NETWORK || scope == ScopeType.ORGANISATION;
            case NETWORK_LEAD -> scope == ScopeType.NETWORK;
            default -> scope == ScopeType.PROJECT;
        };
    }

    /** The Spring Security authority name of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
