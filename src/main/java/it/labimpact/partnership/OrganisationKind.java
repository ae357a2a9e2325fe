package it.labimpact.partnership;

/** The kinds of organisation a network gathers (DOMAIN.md), each in a sector for cross-sector analysis. */
public enum OrganisationKind {
    LOCAL_AUTHORITY(Sector.PUBLIC_ADMINISTRATION),
    REGION(Sector.PUBLIC_ADMINISTRATION),
    MUNICIPALITIES_ASSOCIATION(Sector.PUBLIC_ADMINISTRATION),
    THIRD_SECTOR(Sector.THIRD_SECTOR),
    JOB_CENTRE(Sector.LABOUR),
    LABOUR_MARKET_OPERATOR(Sector.LABOUR),
    CPIA(Sector.EDUCATION),
    SCHOOL(Sector.EDUCATION),
    TRAINING_BODY(Sector.EDUCATION),
    SOCIAL_PARTNER(Sector.SOCIAL_PARTNERS),
    MIGRANT_ASSOCIATION(Sector.MIGRANT_ASSOCIATIONS),
    NEW_GENERATION_ASSOCIATION(Sector.MIGRANT_ASSOCIATIONS),
    RESEARCH(Sector.RESEARCH);

    /** Sectors, for telling cross-sector cooperation from cooperation within one sector. */
    public enum Sector {
        PUBLIC_ADMINISTRATION, THIRD_SECTOR, LABOUR, EDUCATION, SOCIAL_PARTNERS, MIGRANT_ASSOCIATIONS, RESEARCH
    }

    private final Sector sector;

    OrganisationKind(Sector sector) {
        this.sector = sector;
    }

    public Sector sector() {
        return sector;
    }
}
