package it.labimpact.cooperation;

/** How the receiving organisation closed a referral it took in charge. */
public enum ReferralOutcome {
    SERVICE_PROVIDED, ENROLLED_IN_ACTIVITY, REFERRED_ELSEWHERE, DID_NOT_ATTEND, NOT_ELIGIBLE, WITHDRAWN, OTHER
}
