package it.labimpact.directory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The fixed taxonomy of the programme's themes; labels are translated in the {@code public} bundle
 * ({@code category.<CODE>}). Each term has a stable UUID (HSDS taxonomy_term.id), derived from its code.
 */
public enum DirectoryCategory {
    ITALIAN_LANGUAGE, CIVIC_ORIENTATION, WORK_GUIDANCE, SKILLS_RECOGNITION, DOCUMENTS_PERMITS, FAMILY, HEALTH_ACCESS,
    SCHOOL_YOUTH, HOUSING, COMMUNITY, DIGITAL_SKILLS;

    /** The HSDS taxonomy_term id: a name-based UUID of {@code labimpact-directory:<CODE>}. */
    public UUID termId() {
        return UUID.nameUUIDFromBytes(("labimpact-directory:" + name()).getBytes(StandardCharsets.UTF_8));
    }
}
