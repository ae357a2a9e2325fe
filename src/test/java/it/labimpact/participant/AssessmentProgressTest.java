package it.labimpact.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Entry → exit per kind and area, without Spring: the earliest entry, the latest exit, follow-ups ignored. */
class AssessmentProgressTest {

    static final UUID P = UUID.randomUUID();
    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    static Assessment italian(long id, AssessmentPhase phase, int days, LanguageLevel level) {
        return new Assessment(id, P, AssessmentKind.ITALIAN_L2, phase, DAY.plusDays(days), level, null, null,
                AssessmentInstrument.PLACEMENT_TEST, null, null, null, "t", 0);
    }

    static Assessment digComp(long id, AssessmentPhase phase, int days, int level, DigCompLevel.Area area) {
        return new Assessment(id, P, AssessmentKind.DIGCOMP, phase, DAY.plusDays(days), null, new DigCompLevel(level),
                area, AssessmentInstrument.SELF_ASSESSMENT, null, null, null, "t", 0);
    }

    @Test
    void comparesTheEarliestEntryWithTheLatestExit() {
        List<LevelProgress> p = Assessments.progress(List.of(
                italian(3, AssessmentPhase.EXIT, 90, LanguageLevel.A2),
                italian(1, AssessmentPhase.ENTRY, 0, LanguageLevel.ALPHA),
                italian(2, AssessmentPhase.ENTRY, 10, LanguageLevel.A1),
                italian(4, AssessmentPhase.EXIT, 60, LanguageLevel.A1),
                italian(5, AssessmentPhase.FOLLOW_UP, 200, LanguageLevel.B1)));
        assertThat(p).singleElement().satisfies(g -> {
            assertThat(g.entry().languageLevel()).isEqualTo(LanguageLevel.ALPHA);
            assertThat(g.exit().languageLevel()).isEqualTo(LanguageLevel.A2);
            assertThat(g.improved()).isTrue();
        });
    }

    @Test
    void theSameLevelIsNoImprovementAndAMissingExitIsUnknown() {
        assertThat(Assessments.progress(List.of(italian(1, AssessmentPhase.ENTRY, 0, LanguageLevel.PRE_A1),
                italian(2, AssessmentPhase.EXIT, 5, LanguageLevel.PRE_A1)))).singleElement()
                .extracting(LevelProgress::improved).isEqualTo(false);
        assertThat(Assessments.progress(List.of(italian(1, AssessmentPhase.ENTRY, 0, LanguageLevel.A1))))
                .singleElement().extracting(LevelProgress::improved).isNull();
    }

    @Test
    void digCompAreasAreComparedEachOnTheirOwn() {
        List<LevelProgress> p = Assessments.progress(List.of(
                digComp(1, AssessmentPhase.ENTRY, 0, 2, DigCompLevel.Area.SAFETY),
                digComp(2, AssessmentPhase.ENTRY, 0, 4, null),
                digComp(3, AssessmentPhase.EXIT, 30, 3, DigCompLevel.Area.SAFETY),
                digComp(4, AssessmentPhase.EXIT, 30, 4, null)));
        assertThat(p).extracting(LevelProgress::area, LevelProgress::improved).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DigCompLevel.Area.SAFETY, true),
                org.assertj.core.groups.Tuple.tuple(null, false));
    }
}
