package it.labimpact.participant;

/**
 * Entry and exit levels of one kind (and DigComp area, {@code null} for overall or Italian L2): the earliest entry
 * and the latest exit assessment. {@code improved} is {@code null} until both exist (indicator 8 for Italian L2).
 */
public record LevelProgress(AssessmentKind kind, DigCompLevel.Area area, Assessment entry, Assessment exit,
        Boolean improved) {
}
