package it.labimpact.participant;

/** When a level or a status was observed: at entry, at exit, or at a later follow-up. */
public enum AssessmentPhase { ENTRY, EXIT, FOLLOW_UP }
