package it.labimpact.directory;

/**
 * A visitor's search; any part may be {@code null}.
 *
 * @param comuneIstat the comune searched near (resolved from its name by the page)
 * @param language a language spoken at the desk (BCP 47 tag)
 * @param text free text; every word must appear in a text of the entry (Italian or the visitor's language)
 */
public record DirectorySearch(EntryKind kind, String comuneIstat, DirectoryCategory category, String language,
        String text) {

    /** How far from the comune's centroid a place counts as near. */
    public static final double RADIUS_KM = 25;
}
