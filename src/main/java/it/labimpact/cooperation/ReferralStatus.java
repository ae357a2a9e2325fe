package it.labimpact.cooperation;

/** Where a referral stands: sent, then taken in charge and closed by the receiving side, or declined by it. */
public enum ReferralStatus {
    SENT, TAKEN_IN_CHARGE, CLOSED, DECLINED
}
