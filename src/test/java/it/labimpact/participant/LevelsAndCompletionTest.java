package it.labimpact.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The level scales and the completion rule, without Spring. */
class LevelsAndCompletionTest {

    @Test
    void aJumpFromTheLiteracyLevelsIntoTheCefrCountsAsImprovement() {
        assertThat(LanguageLevel.improvedByAtLeastOneLevel(LanguageLevel.ALPHA, LanguageLevel.PRE_A1)).isTrue();
        assertThat(LanguageLevel.improvedByAtLeastOneLevel(LanguageLevel.PRE_A1, LanguageLevel.A1)).isTrue();
        assertThat(LanguageLevel.steps(LanguageLevel.PRE_ALPHA, LanguageLevel.A2)).isEqualTo(4);
    }

    @Test
    void stayingOrDroppingIsNotImprovementAndAMissingAssessmentNeverIs() {
        assertThat(LanguageLevel.improvedByAtLeastOneLevel(LanguageLevel.A2, LanguageLevel.A2)).isFalse();
        assertThat(LanguageLevel.improvedByAtLeastOneLevel(LanguageLevel.B1, LanguageLevel.A2)).isFalse();
        assertThat(LanguageLevel.improvedByAtLeastOneLevel(LanguageLevel.A1, null)).isFalse();
        assertThat(LanguageLevel.improvedByAtLeastOneLevel(null, LanguageLevel.A1)).isFalse();
    }

    @Test
    void readsLevelsAsPeopleWriteThem() {
        assertThat(LanguageLevel.parse(" a2 ")).contains(LanguageLevel.A2);
        assertThat(LanguageLevel.parse("Pre-A1")).contains(LanguageLevel.PRE_A1);
        assertThat(LanguageLevel.parse("pre alfa")).contains(LanguageLevel.PRE_ALPHA);
        assertThat(LanguageLevel.parse("Alfabetizzazione")).contains(LanguageLevel.ALPHA);
        assertThat(LanguageLevel.parse("A3")).isEmpty();
        assertThat(LanguageLevel.parse(null)).isEmpty();
    }

    @Test
    void digCompLevelsFallInTheirBandsAndOutOfRangeIsRefused() {
        assertThat(new DigCompLevel(1).band()).isEqualTo(DigCompLevel.Band.FOUNDATION);
        assertThat(new DigCompLevel(4).band()).isEqualTo(DigCompLevel.Band.INTERMEDIATE);
        assertThat(new DigCompLevel(5).band()).isEqualTo(DigCompLevel.Band.ADVANCED);
        assertThat(new DigCompLevel(8).band()).isEqualTo(DigCompLevel.Band.HIGHLY_SPECIALISED);
        assertThat(DigCompLevel.improved(new DigCompLevel(2), new DigCompLevel(3))).isTrue();
        assertThat(DigCompLevel.improved(new DigCompLevel(3), new DigCompLevel(3))).isFalse();
        assertThatThrownBy(() -> new DigCompLevel(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigCompLevel(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seventyPercentOfPlannedHoursCompletesByDefault() {
        BigDecimal planned = new BigDecimal("40");
        assertThat(CompletionRule.DEFAULT.completes(new BigDecimal("28"), planned)).isTrue();
        assertThat(CompletionRule.DEFAULT.completes(new BigDecimal("27.5"), planned)).isFalse();
        assertThat(new CompletionRule(new BigDecimal("0.5")).completes(new BigDecimal("20"), planned)).isTrue();
        assertThat(CompletionRule.DEFAULT.completes(BigDecimal.TEN, BigDecimal.ZERO)).isFalse();
        assertThatThrownBy(() -> new CompletionRule(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
    }
}
