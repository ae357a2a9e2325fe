package it.labimpact.participant;

/**
 * Outcomes recorded for a participant: personal professional guidance (indicator 3.3), family-reunification
 * information or assistance (5), an application for the recognition of a foreign qualification or skills (10), an
 * application for EU long-term residence (11), and the employment status at entry, exit and follow-up.
 */
public enum OutcomeType {
    PROFESSIONAL_GUIDANCE, FAMILY_REUNIFICATION, QUALIFICATION_RECOGNITION, LONG_TERM_RESIDENCE, EMPLOYMENT_STATUS
}
