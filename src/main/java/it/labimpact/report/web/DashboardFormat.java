package it.labimpact.report.web;

import it.labimpact.indicator.Cell;
import it.labimpact.indicator.Dimension;
import it.labimpact.report.web.DashboardView.Entry;
import it.labimpact.report.web.DashboardView.Figure;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/** Number formatting, labels and drill-down links of one dashboard request, in the user's language. */
final class DashboardFormat {

    final DashboardFigures.Request request;
    final Locale locale;
    private final Set<String> ratios;
    private final MessageSource messages;
    private final NumberFormat numbers;

    /** {@code ratios}: indicators without records of their own to list (ratios, densities). */
    DashboardFormat(DashboardFigures.Request request, Locale locale, Set<String> ratios, MessageSource messages) {
        this.request = request;
        this.locale = locale;
        this.ratios = ratios;
        this.messages = messages;
        this.numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(2);
    }

    Figure figure(Optional<Cell> cell) {
        if (cell.isPresent() && cell.get().suppressed()) {
            return suppressed();
        }
        return figure(cell.map(Cell::value).orElse(BigDecimal.ZERO));
    }

    Figure figure(BigDecimal value) {
        return new Figure(value, false, numbers.format(value));
    }

    Figure suppressed() {
        return new Figure(null, true, message("dashboard.suppressed.short"));
    }

    Entry entry(String indicator, String key, String label, Optional<Cell> cell, Dimension dimension,
            String dimensionKey) {
        Figure figure = figure(cell);
        String network = cell.map(Cell::network).orElse(request.network());
        return new Entry(key, label, figure, drill(indicator, network, dimension, dimensionKey, figure));
    }

    /** The drill-down link of a number, when the user may see its records and there are some. */
    String drill(String indicator, String network, Dimension dimension, String key, Figure figure) {
        if (!request.drillable() || ratios.contains(indicator) || figure.suppressed()
                || figure.value().signum() == 0) {
            return null;
        }
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/indicators/{code}/records")
                .queryParam("period", request.period().code());
        if (network != null) {
            b.queryParam("network", network);
        }
        if (dimension != null) {
            b.queryParam("dimension", dimension.name()).queryParam("key", key);
        }
        return b.buildAndExpand(indicator).encode().toUriString();
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
