package it.labimpact.participant;

/** Condizione occupazionale. */
public enum EmploymentStatus { EMPLOYED, SELF_EMPLOYED, UNEMPLOYED_SEEKING, INACTIVE, IN_EDUCATION }
