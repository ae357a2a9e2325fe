package it.labimpact.participant;

/**
 * DigComp 2.2 proficiency: 8 levels in 4 bands (foundation 1–2, intermediate 3–4, advanced 5–6, highly
 * specialised 7–8), assessed overall or per competence area.
 */
public record DigCompLevel(int level) {

    /** The five competence areas of DigComp 2.2. */
    public enum Area {
        INFORMATION_AND_DATA_LITERACY, COMMUNICATION_AND_COLLABORATION, DIGITAL_CONTENT_CREATION, SAFETY,
        PROBLEM_SOLVING
    }

    /** The four bands of proficiency. */
    public enum Band { FOUNDATION, INTERMEDIATE, ADVANCED, HIGHLY_SPECIALISED }

    public DigCompLevel {
        if (level < 1 || level > 8) {
            throw new IllegalArgumentException("DigComp proficiency levels run from 1 to 8, not " + level);
        }
    }

    public Band band() {
        return Band.values()[(level - 1) / 2];
    }

    /** Whether {@code exit} is at least one level above {@code entry}. */
    public static boolean improved(DigCompLevel entry, DigCompLevel exit) {
        return entry != null && exit != null && exit.level() > entry.level();
    }
}
