package it.labimpact.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The periodic report (relazione periodica): the indicators against their targets, a chart of one indicator by
 * network, and the networks' notes. The HTML preview and the PDF render this same model from one template.
 *
 * @param networkNames network code → name, to label breakdown keys and notes
 * @param chartIndicator the indicator drawn by network, {@code null} when the report has no such chart
 * @param chart the chart's bars (one per network), empty for a network's own report
 */
public record PeriodicReport(IndicatorReport indicators, List<ReportNote> notes, Map<String, String> networkNames,
        LocalDate generatedOn, IndicatorReport.Line chartIndicator, List<Bar> chart) {

    public PeriodicReport {
        notes = List.copyOf(notes);
        networkNames = Map.copyOf(networkNames);
        chart = List.copyOf(chart);
    }

    /** A value as text in the reader's language: thousands grouped, at most two decimals. */
    public String number(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** The notes that say something. */
    public List<ReportNote> writtenNotes() {
        return notes.stream().filter(n -> !n.text().isBlank()).toList();
    }

    /**
     * One bar of a chart, its number printed beside it.
     *
     * @param value {@code null} when suppressed
     * @param width the bar's length in percent of the longest
     */
    public record Bar(String label, BigDecimal value, boolean suppressed, int width) {
    }
}
