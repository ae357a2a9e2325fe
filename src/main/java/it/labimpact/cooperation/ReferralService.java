package it.labimpact.cooperation;

/** The service a referral asks the receiving organisation for (coded, so no personal detail needs writing). */
public enum ReferralService {
    ITALIAN_COURSE, CIVIC_ORIENTATION, JOB_GUIDANCE, EMPLOYMENT_SERVICES, VOCATIONAL_TRAINING, SKILLS_ASSESSMENT,
    QUALIFICATION_RECOGNITION, DIGITAL_SKILLS, SOCIAL_SUPPORT, LEGAL_ADVICE, HOUSING, HEALTH_SERVICES, OTHER
}
