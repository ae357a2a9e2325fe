package it.labimpact.territory;

/**
 * A comune of Lombardy.
 *
 * @param istatCode six-digit ISTAT code, kept as text (leading zero)
 * @param cadastralCode Belfiore code, the one inside a codice fiscale
 * @param population residents registered in ANPR
 * @param tcnResidents third-country residents, when an administrator loaded them
 */
public record Comune(String istatCode, String name, String provinceCode, String provinceSigla,
        String provinceName, String cadastralCode, int population, String ambitoCode, String ambitoName,
        Integer tcnResidents, Integer tcnYear, double lat, double lon) {
}
