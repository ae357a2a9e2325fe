package it.labimpact.report.web;

import it.labimpact.indicator.Period;
import it.labimpact.report.IndicatorReport;
import it.labimpact.report.Reports;
import it.labimpact.shared.export.TableExport;
import it.labimpact.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads: the indicators against their targets ({@code format=xlsx|csv}, {@code sep=;|,}) and the fund's annual
 * report (XLSX). Values are published ones: small cells suppressed.
 */
@Controller
class ExportController {

    private final Reports reports;
    private final MessageSource messages;

    ExportController(Reports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/reports/indicators")
    void indicators(@RequestParam(required = false) String period, @RequestParam(required = false) String network,
            @RequestParam(required = false) String format, @RequestParam(required = false) String sep,
            Locale locale, HttpServletResponse response) {
        TableExport.Format f = TableExport.Format.parse(format);
        char separator = TableExport.separator(sep, locale);
        Period p = reports.period(period);
        String n = reports.network(network);
        IndicatorReport report = reports.indicators(p, n);
        TableExport.write(response, "indicatori-" + p.code() + "-" + (n == null ? "progetto" : n), f, separator,
                List.of(reports.indicatorTable(report, locale)));
    }

    @GetMapping("/reports/annual.xlsx")
    void annual(@RequestParam(required = false) Integer year, Locale locale, HttpServletResponse response) {
        reports.requireWholeProject();
        Period p = reports.period(String.valueOf(year == null ? reports.period(null).from().getYear() : year));
        TableExport.write(response, "relazione-annuale-fami-" + p.code(), TableExport.Format.XLSX, ';',
                reports.annualTables(reports.fundIndicators(p), locale));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<String> badPeriod(RuleViolationException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                .body(messages.getMessage(e.messageKey(), e.args(), locale));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badFormat(IllegalArgumentException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                .body(messages.getMessage("report.export.badRequest", null, locale));
    }
}
