package it.labimpact.participant;

/** What an assessment measures: Italian L2 on the {@link LanguageLevel} scale, or DigComp 2.2 levels 1–8. */
public enum AssessmentKind { ITALIAN_L2, DIGCOMP }
