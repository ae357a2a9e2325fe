package it.labimpact.cooperation;

/**
 * What the participant consented to share with the receiving organisation, each level including the one before.
 */
public enum ReferralSharing {
    /** The pseudonymous id with age band, sex, citizenship and Italian level: the default. */
    PROFILE,
    /** Also names, phone and e-mail, read from the vault when the receiving side asks (audited). */
    CONTACTS,
    /** Also what registering the person in the receiving network needs (birth date and country, code, residence). */
    REGISTRATION;

    public boolean covers(ReferralSharing other) {
        return compareTo(other) >= 0;
    }
}
