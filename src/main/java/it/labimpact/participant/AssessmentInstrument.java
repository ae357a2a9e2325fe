package it.labimpact.participant;

/** How a level was established. A certification names its {@link CertificationBody}. */
public enum AssessmentInstrument { PLACEMENT_TEST, CERTIFICATION, SELF_ASSESSMENT, OTHER }
