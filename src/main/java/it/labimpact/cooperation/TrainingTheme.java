package it.labimpact.cooperation;

/** Theme of a training for operators (the coded list of the capacity-building work). */
public enum TrainingTheme {
    /** Competenze interculturali. */
    INTERCULTURAL_SKILLS,
    /** Contrasto alle discriminazioni. */
    ANTI_DISCRIMINATION,
    /** Quadro normativo sull'immigrazione. */
    LEGAL_FRAMEWORK,
    /** Mediazione linguistico-culturale. */
    MEDIATION,
    OTHER
}
