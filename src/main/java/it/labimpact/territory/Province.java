package it.labimpact.territory;

/** A province (or the Città metropolitana di Milano) of Lombardy, with its summed residents. */
public record Province(String code, String sigla, String name, int comuni, long population) {
}
