package it.labimpact.cooperation;

/** The kind of actor who raised a need, when no partner organisation is named (or besides it). */
public enum NeedRaiserKind {
    OPERATOR, LOCAL_AUTHORITY, THIRD_SECTOR, MIGRANT_ASSOCIATION, NEW_GENERATION_ASSOCIATION, SCHOOL, JOB_CENTRE,
    HEALTH_SERVICE, CITIZEN, OTHER
}
