package it.labimpact.cooperation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The self-assessment of a training in figures, over the attendees who answered both before and after (the
 * others cannot show a change). Averages have two decimals; all are {@code null} when nobody answered both.
 *
 * @param respondents attendees with both phases answered
 * @param averageChange mean over respondents of (their mean after − their mean before)
 * @param statements the same figures statement by statement, in order
 */
public record TrainingSelfAssessment(int respondents, BigDecimal averagePre, BigDecimal averagePost,
        BigDecimal averageChange, List<Statement> statements) {

    /** One statement's averages over the respondents. */
    public record Statement(int number, BigDecimal averagePre, BigDecimal averagePost, BigDecimal change) {
    }
}
