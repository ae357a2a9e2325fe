package it.labimpact.cooperation;

/** Theme of a need or proposal raised by the territory. */
public enum NeedTheme {
    HOUSING, WORK, LANGUAGE, SCHOOLING, HEALTH,
    /** Documenti e questioni legali. */
    DOCUMENTS,
    DISCRIMINATION, PARTICIPATION, OTHER
}
