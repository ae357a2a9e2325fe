package it.labimpact.participant;

/**
 * Answers to the end-of-activity feedback survey. {@code helpful} is indicator 9 ("the activity was helpful for my
 * integration"); the four 1–5 items are optional.
 */
public record SurveyAnswers(Helpful helpful, Integer contentUseful, Integer scheduleSuitable, Integer wouldRecommend,
        Integer staffUnderstood) {

    /** Answer to "the activity was helpful for my integration". */
    public enum Helpful { YES, PARTLY, NO }
}
