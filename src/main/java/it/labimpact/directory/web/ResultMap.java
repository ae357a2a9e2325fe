package it.labimpact.directory.web;

import it.labimpact.directory.EntrySummary;
import java.util.ArrayList;
import java.util.List;

/**
 * A lightweight static map of search results, drawn as SVG on the server (no tiles, no script): each result a
 * numbered point placed by its coordinates, the searched comune a cross. The list beside it is the accessible text.
 */
record ResultMap(int width, int height, List<Point> points, Point centre) {

    /** A point in SVG coordinates; {@code number} links it to the result of the same number. */
    record Point(double x, double y, int number, String label) {
    }

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    private static final int MARGIN = 20;

    /** The map of the results with coordinates, or {@code null} when none has them. */
    static ResultMap of(List<EntrySummary> results, Double centreLat, Double centreLon) {
        List<double[]> coords = new ArrayList<>();
        for (EntrySummary s : results) {
            if (s.latitude() != null && s.longitude() != null) {
                coords.add(new double[] {s.latitude(), s.longitude()});
            }
        }
        if (coords.isEmpty()) {
            return null;
        }
        if (centreLat != null) {
            coords.add(new double[] {centreLat, centreLon});
        }
        double minLat = coords.stream().mapToDouble(c -> c[0]).min().orElseThrow() - 0.02;
        double maxLat = coords.stream().mapToDouble(c -> c[0]).max().orElseThrow() + 0.02;
        double minLon = coords.stream().mapToDouble(c -> c[1]).min().orElseThrow() - 0.02;
        double maxLon = coords.stream().mapToDouble(c -> c[1]).max().orElseThrow() + 0.02;
        double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = Math.min((WIDTH - 2 * MARGIN) / ((maxLon - minLon) * k), (HEIGHT - 2 * MARGIN) / (maxLat - minLat));
        List<Point> points = new ArrayList<>();
        int n = 0;
        for (EntrySummary s : results) {
            n++;
            if (s.latitude() != null && s.longitude() != null) {
                points.add(new Point(round(MARGIN + (s.longitude() - minLon) * k * scale),
                        round(HEIGHT - MARGIN - (s.latitude() - minLat) * scale), n, s.name().value()));
            }
        }
        Point centre = centreLat == null ? null : new Point(round(MARGIN + (centreLon - minLon) * k * scale),
                round(HEIGHT - MARGIN - (centreLat - minLat) * scale), 0, "");
        return new ResultMap(WIDTH, HEIGHT, points, centre);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
