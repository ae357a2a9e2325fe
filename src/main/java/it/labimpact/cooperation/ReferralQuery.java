package it.labimpact.cooperation;

/**
 * Referral list filters; any may be {@code null}.
 *
 * @param box {@link Box#RECEIVED}: the inbox of the actor's network; {@link Box#SENT}: what it sent
 * @param network for project-wide actors: referrals sent or received by this network
 */
public record ReferralQuery(Box box, ReferralStatus status, ReferralService service, String network) {

    /** Which side of the referrals to list. */
    public enum Box { RECEIVED, SENT }
}
