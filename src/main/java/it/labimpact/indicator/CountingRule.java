package it.labimpact.indicator;

/** How an indicator counts (DOMAIN.md, "Counting rules"); every definition states its own in words too. */
public enum CountingRule {
    /** Unique persons with a qualifying fact dated in the period; once per period, once in project-to-date. */
    PERSONS,
    /** Distinct things (organisations, ties, contacts) with a qualifying fact in the period. */
    THINGS,
    /** A level as it stands at the end of the period (comuni covered, population). */
    STOCK,
    /** A percentage: one indicator's value over another's, in the same period and breakdown. */
    RATIO
}
