package it.labimpact.territory.data;

import tools.jackson.databind.JsonNode;

/** Area-weighted centroid of the largest outer ring of a GeoJSON Polygon or MultiPolygon. */
final class Centroid {

    private Centroid() {
    }

    /** Returns {@code [lon, lat]}. */
    static double[] of(JsonNode geometry) {
        JsonNode coords = geometry.get("coordinates");
        JsonNode best = null;
        double bestArea = -1;
        if ("Polygon".equals(geometry.get("type").asString())) {
            best = coords.get(0);
        } else {
            for (JsonNode polygon : coords) {
                double a = Math.abs(ring(polygon.get(0))[2]);
                if (a > bestArea) {
                    bestArea = a;
                    best = polygon.get(0);
                }
            }
        }
        double[] r = ring(best);
        return new double[] {r[0], r[1]};
    }

    /** Shoelace formula: {@code [cx, cy, signedArea]}; falls back to the vertex mean for a degenerate ring. */
    static double[] ring(JsonNode ring) {
        double area = 0;
        double cx = 0;
        double cy = 0;
        double mx = 0;
        double my = 0;
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            double x0 = ring.get(i).get(0).asDouble();
            double y0 = ring.get(i).get(1).asDouble();
            double x1 = ring.get((i + 1) % n).get(0).asDouble();
            double y1 = ring.get((i + 1) % n).get(1).asDouble();
            double cross = x0 * y1 - x1 * y0;
            area += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
            mx += x0;
            my += y0;
        }
        area /= 2;
        if (Math.abs(area) < 1e-12) {
            return new double[] {mx / n, my / n, 0};
        }
        return new double[] {cx / (6 * area), cy / (6 * area), area};
    }
}
