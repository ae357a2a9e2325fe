package it.labimpact.participant;

/** Kind of residence permit (permesso di soggiorno): sensitive and optional, like vulnerabilities. */
public enum PermitType {
    ASYLUM_APPLICANT, INTERNATIONAL_PROTECTION, SPECIAL_PROTECTION, TEMPORARY_PROTECTION, WORK, FAMILY, STUDY,
    LONG_TERM_EU, MINOR_AGE, OTHER
}
