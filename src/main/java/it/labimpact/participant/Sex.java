package it.labimpact.participant;

/** Sex as recorded for the fund's breakdowns: female, male, or another/undeclared ({@code X}). */
public enum Sex {
    F, M, X
}
