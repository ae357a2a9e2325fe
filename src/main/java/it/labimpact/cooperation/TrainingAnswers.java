package it.labimpact.cooperation;

import java.util.List;

/**
 * An attendee's self-assessment of intercultural competence: the five statements answered on a 1–5 scale
 * before ({@code pre}) and after ({@code post}) the training. A phase is answered whole (five answers) or not
 * at all ({@code null} or empty).
 */
public record TrainingAnswers(long attendeeId, List<Integer> pre, List<Integer> post) {

    /** Number of statements, the same before and after. */
    public static final int STATEMENTS = 5;
}
