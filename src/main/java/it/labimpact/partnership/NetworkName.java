package it.labimpact.partnership;

/** A network as a choice in a list's filter: its code and name (see {@link Partnership#networkChoices}). */
public record NetworkName(String code, String name) {
}
