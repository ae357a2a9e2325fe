package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void readsQuartersYearsAndProjectToDate() {
        Period q = Period.parse(" 2026-q3 ", START, TODAY);
        assertThat(q.from()).isEqualTo("2026-07-01");
        assertThat(q.to()).isEqualTo("2026-09-30");
        assertThat(q.code()).isEqualTo("2026-Q3");
        assertThat(Period.parse("2025", START, TODAY).to()).isEqualTo("2025-12-31");
        Period ptd = Period.parse("PTD", START, TODAY);
        assertThat(List.of(ptd.from(), ptd.to())).containsExactly(START, TODAY);
        assertThat(Period.quarterOf(LocalDate.of(2024, 12, 31)).code()).isEqualTo("2024-Q4");
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        for (String bad : new String[] {"2026-Q5", "Q3", "26/11/2026", "", "2026-13"}) {
            assertThatThrownBy(() -> Period.parse(bad, START, TODAY)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void labelsInItalianAndEnglish() {
        assertThat(Period.quarter(2026, 3).label(Locale.ITALIAN)).isEqualTo("3° trimestre 2026");
        assertThat(Period.quarter(2026, 3).label(Locale.ENGLISH)).isEqualTo("Q3 2026");
        assertThat(Period.projectToDate(START, TODAY).label(Locale.ENGLISH)).isEqualTo("Project to 26/11/2026");
    }

    @Test
    void ageBandsFollowTheSettings() {
        IndicatorSettings s = new IndicatorSettings(START, 5, List.of(18, 25, 35, 50, 65));
        assertThat(List.of(s.ageBand(17), s.ageBand(18), s.ageBand(49), s.ageBand(65), s.ageBand(90)))
                .containsExactly("0-17", "18-24", "35-49", "65+", "65+");
        assertThat(s.ageBandLabels()).containsExactly("0-17", "18-24", "25-34", "35-49", "50-64", "65+");
        assertThatThrownBy(() -> new IndicatorSettings(START, 5, List.of(25, 18)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
