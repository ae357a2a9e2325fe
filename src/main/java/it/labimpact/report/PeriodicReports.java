package it.labimpact.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import it.labimpact.indicator.Cell;
import it.labimpact.indicator.Dimension;
import it.labimpact.indicator.Period;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Builds the periodic report and renders it as PDF: the Thymeleaf template {@code report/pdf-periodic} (whose
 * fragments the HTML preview includes too) through openhtmltopdf, with the DejaVu Sans font embedded so every
 * accented letter prints. No JavaScript runs in a PDF: the bars are HTML boxes with their numbers as text.
 */
@Service
public class PeriodicReports {

    /** The indicator drawn by network in the project's report: participants in support activities. */
    static final String CHART_INDICATOR = "AMIF-O3";

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final Reports reports;
    private final ReportNotes notes;
    private final Partnership partnership;
    private final ITemplateEngine templates;

    PeriodicReports(Reports reports, ReportNotes notes, Partnership partnership, ITemplateEngine templates) {
        this.reports = reports;
        this.notes = notes;
        this.partnership = partnership;
        this.templates = templates;
    }

    /** The report of a period for a network, or for the project ({@code network} null). */
    public PeriodicReport build(Period period, String network) {
        IndicatorReport indicators = reports.indicators(period, network);
        Map<String, String> names = new LinkedHashMap<>();
        for (NetworkSummary n : partnership.networks()) {
            names.put(n.code(), n.name());
        }
        IndicatorReport.Line chartLine = network != null ? null : indicators.lines().stream()
                .filter(l -> l.definition().code().equals(CHART_INDICATOR)).findFirst().orElse(null);
        return new PeriodicReport(indicators, notes.forPeriod(period, network), names, LocalDate.now(ROME),
                chartLine, chartLine == null ? List.of() : bars(chartLine, names));
    }

    private static List<PeriodicReport.Bar> bars(IndicatorReport.Line line, Map<String, String> names) {
        List<Cell> cells = line.breakdown().stream().filter(c -> c.dimension() == Dimension.NETWORK)
                .sorted(Comparator.comparing(c -> names.getOrDefault(c.key(), c.key()))).toList();
        BigDecimal max = cells.stream().map(Cell::value).filter(v -> v != null).max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        List<PeriodicReport.Bar> bars = new ArrayList<>();
        for (Cell c : cells) {
            int width = c.value() == null || max.signum() == 0 ? 0
                    : c.value().multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP)
                            .intValue();
            bars.add(new PeriodicReport.Bar(names.getOrDefault(c.key(), c.key()), c.value(), c.suppressed(), width));
        }
        return bars;
    }

    /** The report as a PDF document. */
    public byte[] pdf(PeriodicReport report, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("periodic", report);
        String html = templates.process("report/pdf-periodic", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), "DejaVu Sans", 400, FontStyle.ITALIC, true);
            builder.withHtmlContent(html, null);
            builder.withProducer("Lab'Impact");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = PeriodicReports.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("Font missing from the class path: " + file);
        }
        return in;
    }
}
