package it.labimpact.indicator;

/** Where an indicator comes from: the fund's common output or result indicators, or the project's own. */
public enum IndicatorKind { AMIF_OUTPUT, AMIF_RESULT, PROJECT }
