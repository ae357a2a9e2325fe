package it.labimpact.indicator;

/**
 * One record behind a number: a participant (by pseudonymous id only), an activity, an organisation or a comune.
 *
 * @param kind {@code participant}, {@code activity}, {@code organisation} or {@code comune}
 * @param id the record's id (participant UUID, activity or organisation id, comune ISTAT code)
 * @param network the network that holds the record, when it has one
 */
public record DrillRecord(String kind, String id, String network) {
}
