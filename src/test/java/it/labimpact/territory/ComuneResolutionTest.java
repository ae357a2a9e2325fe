package it.labimpact.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What an operator types in the "add comuni" box becomes ISTAT codes, or is named back as unmatched. */
@SpringBootTest
class ComuneResolutionTest {

    @Autowired
    TerritoryCatalogue territory;

    @Test
    void resolvesNamesInAnyCaseAndCodesWithOrWithoutTheLeadingZero() {
        TerritoryCatalogue.Resolution r = territory.resolve("Ghedi\nbreno\r\nMilano (MI)\n12001 019035,016024\n");

        assertThat(r.codes()).containsExactly("017078", "017028", "015146", "012001", "019035", "016024");
        assertThat(r.unmatched()).isEmpty();
    }

    @Test
    void namesThatMatchNoComuneAreReportedNotGuessed() {
        TerritoryCatalogue.Resolution r = territory.resolve("Ghedi\nAtlantide\nGhed\n");

        assertThat(r.codes()).containsExactly("017078");
        assertThat(r.unmatched()).containsExactly("Atlantide", "Ghed");
    }

    @Test
    void accentedNamesMatch() {
        assertThat(territory.resolve("Cantù").codes()).containsExactly("013041");
    }
}
