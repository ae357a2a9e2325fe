package it.labimpact.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Lombardy reference data the migrations load, checked against the figures in PROVENANCE.md. */
@SpringBootTest
class ReferenceDataTest {

    @Autowired
    TerritoryCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsTheTwelveProvincesOfLombardy() {
        assertThat(catalogue.provinces()).extracting(Province::sigla)
                .containsExactlyInAnyOrder("BG", "BS", "CO", "CR", "LC", "LO", "MB", "MI", "MN", "PV", "SO", "VA");
    }

    @Test
    void loadsAllFifteenHundredAndTwoComuni() {
        assertThat(jdbc.sql("select count(*) from territory_comune").query(Long.class).single()).isEqualTo(1502L);
        assertThat(catalogue.comuni(new ComuneQuery(null, null, null), new PageRequest(0, 10)).total())
                .isEqualTo(1502L);
        assertThat(catalogue.allComuni(new ComuneQuery(null, null, null))).hasSize(1502)
                .extracting(Comune::istatCode).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("\\d{6}"), "six-digit ISTAT code");
    }

    @Test
    void eachProvinceHasTheNumberOfComuniStatedInTheProvenance() {
        Map<String, Integer> comuniBySigla = catalogue.provinces().stream()
                .collect(Collectors.toMap(Province::sigla, Province::comuni));

        assertThat(comuniBySigla).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("BG", 243), Map.entry("BS", 205), Map.entry("PV", 185), Map.entry("CO", 147),
                Map.entry("VA", 136), Map.entry("MI", 133), Map.entry("CR", 113), Map.entry("LC", 84),
                Map.entry("SO", 77), Map.entry("MN", 64), Map.entry("LO", 60), Map.entry("MB", 55)));
    }

    @Test
    void residentsAddUpToTheRegionalTotal() {
        assertThat(catalogue.provinces().stream().mapToLong(Province::population).sum()).isEqualTo(10_148_233L);
        assertThat(jdbc.sql("select sum(population) from territory_comune").query(Long.class).single())
                .isEqualTo(10_148_233L);
        Map<String, Province> bySigla = catalogue.provinces().stream()
                .collect(Collectors.toMap(Province::sigla, Function.identity()));
        assertThat(bySigla.get("MI").population()).isEqualTo(3_300_133L);
        assertThat(bySigla.get("MI").code()).isEqualTo("015");
        assertThat(bySigla.get("MI").name()).isEqualTo("Milano");
        assertThat(bySigla.get("MB").name()).isEqualTo("Monza e della Brianza");
    }

    @Test
    void milanoHasItsIstatAndCadastralCodesAndItsResidents() {
        Comune milano = catalogue.comune("015146").orElseThrow();

        assertThat(milano.name()).isEqualTo("Milano");
        assertThat(milano.cadastralCode()).isEqualTo("F205");
        assertThat(milano.provinceCode()).isEqualTo("015");
        assertThat(milano.provinceSigla()).isEqualTo("MI");
        assertThat(milano.population()).isEqualTo(1_398_609);
        assertThat(milano.ambitoCode()).isNull();
        assertThat(milano.tcnResidents()).isNull();
        assertThat(jdbc.sql("select is_province_capital from territory_comune where istat_code = '015146'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void milanoCentroidLiesInsideTheCity() {
        Comune milano = catalogue.comune("015146").orElseThrow();

        assertThat(milano.lat()).isBetween(45.38, 45.54);
        assertThat(milano.lon()).isBetween(9.04, 9.28);
    }

    @Test
    void everyCentroidLiesInsideLombardy() {
        List<Comune> all = catalogue.allComuni(new ComuneQuery(null, null, null));

        assertThat(all).allSatisfy(c -> {
            assertThat(c.lat()).as(c.name() + " latitude").isBetween(44.6, 46.7);
            assertThat(c.lon()).as(c.name() + " longitude").isBetween(8.4, 11.5);
        });
    }

    @Test
    void otherWellKnownComuniSitWhereTheyShould() {
        assertThat(catalogue.comune("017078")).get().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Ghedi");
            assertThat(c.provinceSigla()).isEqualTo("BS");
            assertThat(c.cadastralCode()).isEqualTo("D999");
        });
        assertThat(catalogue.comune("019035")).get().extracting(Comune::name, Comune::provinceSigla)
                .containsExactly("Crema", "CR");
        assertThat(catalogue.comune("016024")).get().extracting(Comune::name, Comune::provinceSigla)
                .containsExactly("Bergamo", "BG");
        Comune bergamo = catalogue.comune("016024").orElseThrow();
        assertThat(bergamo.lat()).isCloseTo(45.69, within(0.1));
        assertThat(bergamo.lon()).isCloseTo(9.67, within(0.1));
    }

    @Test
    void keepsTheLeadingZeroOfIstatCodes() {
        Comune agra = catalogue.comune("012001").orElseThrow();

        assertThat(agra.istatCode()).isEqualTo("012001");
        assertThat(agra.name()).isEqualTo("Agra");
        assertThat(agra.provinceSigla()).isEqualTo("VA");
        assertThat(catalogue.comune("12001")).isEmpty();
        assertThat(TerritoryCatalogue.normaliseIstatCode("12001")).isEqualTo("012001");
        assertThat(TerritoryCatalogue.normaliseIstatCode(" 015146 ")).isEqualTo("015146");
        assertThat(TerritoryCatalogue.normaliseIstatCode("12A")).isEqualTo("12A");
    }

    @Test
    void storesAccentedNamesIntact() {
        assertThat(catalogue.comune("013041")).get().extracting(Comune::name).isEqualTo("Cantù");
        assertThat(catalogue.comuni(new ComuneQuery("CO", "cant", null), new PageRequest(0, 50)).items())
                .extracting(Comune::istatCode).contains("013041");
    }

    @Test
    void filtersComuniByProvinceSiglaOrCodeAndByStartOfName() {
        PageResponse<Comune> bySigla = catalogue.comuni(new ComuneQuery("mi", null, null), new PageRequest(0, 500));
        PageResponse<Comune> byCode = catalogue.comuni(new ComuneQuery("015", null, null), new PageRequest(0, 500));

        assertThat(bySigla.total()).isEqualTo(133);
        assertThat(bySigla.items()).hasSize(133).allMatch(c -> c.provinceSigla().equals("MI"));
        assertThat(byCode.items()).extracting(Comune::istatCode)
                .containsExactlyElementsOf(bySigla.items().stream().map(Comune::istatCode).toList());
        assertThat(catalogue.comuni(new ComuneQuery(null, "milano", null), new PageRequest(0, 50)).items())
                .extracting(Comune::name).allMatch(n -> n.toLowerCase().startsWith("milano"))
                .contains("Milano");
        assertThat(catalogue.comuni(new ComuneQuery(null, "%", null), new PageRequest(0, 50)).total()).isZero();
    }

    @Test
    void reportsTheCodesThatAreNotComuniOfLombardy() {
        assertThat(catalogue.unknown(List.of("015146", "999999", "058091"))).containsExactlyInAnyOrder("999999",
                "058091");
    }

    @Test
    void servesTheBoundariesAsGeoJson() {
        JsonMapper json = JsonMapper.builder().build();

        JsonNode provinces = json.readTree(catalogue.provinceBoundaries());
        assertThat(provinces.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(provinces.get("features")).hasSize(12);

        JsonNode two = json.readTree(catalogue.boundaries(List.of("015146", "012001")));
        assertThat(two.get("features")).hasSize(2);
        assertThat(two.get("features").get(0).get("properties").get("istat_code").asString()).isEqualTo("012001");
        assertThat(two.get("features").get(1).get("properties").get("name").asString()).isEqualTo("Milano");
        assertThat(two.get("features").get(1).get("geometry").get("type").asString())
                .isIn("Polygon", "MultiPolygon");

        assertThat(json.readTree(catalogue.boundaries(List.of())).get("features")).isEmpty();
    }
}
