package it.labimpact.indicator;

/**
 * A breakdown of an indicator's value. Keys: network code; action {@code 01..03}; activity type code;
 * province ISTAT code and comune ISTAT code (of the participant's comune of residence; of the activity's comune
 * for activities; of the comune itself for coverage); sex
 * {@code F/M/X}; age band label such as {@code 18-24} (age in the last year of the period, from the birth
 * year); citizenship ISO 3166 alpha-2; vulnerability {@code Y/N}. A fact without the dimension (an outcome
 * linked to no activity) has the key {@link #NOT_APPLICABLE}.
 */
public enum Dimension {
    NETWORK, ACTION, ACTIVITY_TYPE, PROVINCE, COMUNE, SEX, AGE_BAND, CITIZENSHIP, VULNERABILITY;

    /** The key of facts that have no value for a dimension. */
    public static final String NOT_APPLICABLE = "NA";
}
