package it.labimpact.cooperation.training;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.cooperation.TrainingAttendee;
import it.labimpact.cooperation.TrainingRole;
import it.labimpact.cooperation.TrainingRules;
import it.labimpact.cooperation.TrainingSelfAssessment;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that need no database: 70 % of the hours, recognising a person, self-assessment averages. */
class TrainingRulesTest {

    @Test
    void seventyPerCentOfThePlannedHoursMakesAnOperatorTrained() {
        // 70 % of 10 hours is 7: 7 counts, 6.99 does not; 70 % of 3 hours is 2.1
        assertThat(TrainingRules.trained(new BigDecimal("7"), new BigDecimal("10"))).isTrue();
        assertThat(TrainingRules.trained(new BigDecimal("6.99"), new BigDecimal("10"))).isFalse();
        assertThat(TrainingRules.trained(new BigDecimal("2.1"), new BigDecimal("3"))).isTrue();
        assertThat(TrainingRules.trained(new BigDecimal("2"), new BigDecimal("3"))).isFalse();
        assertThat(TrainingRules.trained(BigDecimal.ZERO, new BigDecimal("8"))).isFalse();
    }

    @Test
    void namesAreRecognisedWhateverTheirCaseAccentsAndSpacing() {
        assertThat(TrainingRules.identityKey("  De Luca ", "Nicolò"))
                .isEqualTo(TrainingRules.identityKey("DE  LUCA", "nicolo"))
                .isEqualTo("DE LUCA|NICOLO");
        assertThat(TrainingRules.identityKey("D'Angelo", "Maria-Luisa")).isEqualTo("D ANGELO|MARIA LUISA");
        // surname and given name are not swapped: two different persons
        assertThat(TrainingRules.identityKey("Rossi", "Maria")).isNotEqualTo(TrainingRules.identityKey("Maria", "Rossi"));
    }

    @Test
    void selfAssessmentAveragesCountOnlyThoseWhoAnsweredBothPhases() {
        // A: before 2,2,3,3,2 (mean 2.4) after 4,4,4,3,4 (mean 3.8): change +1.4
        // B: before 3,3,3,3,3 (mean 3.0) after 3,4,3,4,3 (mean 3.4): change +0.4
        // C: before only — not a respondent
        // means over A and B: before (2.4 + 3.0) / 2 = 2.70, after (3.8 + 3.4) / 2 = 3.60, change (1.4 + 0.4) / 2 = 0.90
        // statement 1: before (2 + 3) / 2 = 2.50, after (4 + 3) / 2 = 3.50, change +1.00
        // statement 4: before (3 + 3) / 2 = 3.00, after (3 + 4) / 2 = 3.50, change +0.50
        TrainingSelfAssessment sa = TrainingRules.selfAssessment(List.of(
                attendee(List.of(2, 2, 3, 3, 2), List.of(4, 4, 4, 3, 4)),
                attendee(List.of(3, 3, 3, 3, 3), List.of(3, 4, 3, 4, 3)),
                attendee(List.of(1, 1, 1, 1, 1), List.of())));

        assertThat(sa.respondents()).isEqualTo(2);
        assertThat(sa.averagePre()).isEqualByComparingTo("2.70");
        assertThat(sa.averagePost()).isEqualByComparingTo("3.60");
        assertThat(sa.averageChange()).isEqualByComparingTo("0.90");
        assertThat(sa.statements()).hasSize(5);
        assertThat(sa.statements().get(0).averagePre()).isEqualByComparingTo("2.50");
        assertThat(sa.statements().get(0).averagePost()).isEqualByComparingTo("3.50");
        assertThat(sa.statements().get(0).change()).isEqualByComparingTo("1.00");
        assertThat(sa.statements().get(3).change()).isEqualByComparingTo("0.50");
    }

    @Test
    void noRespondentsNoFigures() {
        TrainingSelfAssessment sa = TrainingRules.selfAssessment(List.of(attendee(List.of(), List.of(5, 5, 5, 5, 5))));
        assertThat(sa.respondents()).isZero();
        assertThat(sa.averageChange()).isNull();
        assertThat(sa.statements()).isEmpty();
    }

    private static TrainingAttendee attendee(List<Integer> pre, List<Integer> post) {
        return new TrainingAttendee(1, "k", "S", "N", 1, "Org", TrainingRole.TEACHER, null, BigDecimal.ONE, true, pre,
                post);
    }
}
