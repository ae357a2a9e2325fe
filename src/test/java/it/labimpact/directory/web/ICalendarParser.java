package it.labimpact.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little RFC 5545 reader for tests: every line ends in CRLF and is at most 75 octets, folded lines are
 * joined, components nest properly; returns each VEVENT's properties with TEXT values unescaped.
 */
public final class ICalendarParser {

    /** The properties of type TEXT (RFC 5545 §3.8.1) among those written. */
    private static final java.util.Set<String> TEXT = java.util.Set.of("SUMMARY", "DESCRIPTION", "LOCATION");

    private ICalendarParser() {
    }

    public static List<Map<String, String>> events(String ics) {
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = new ArrayList<>();
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
            if (physical.startsWith(" ") || physical.startsWith("\t")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
            } else {
                lines.add(physical);
            }
        }
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0");
        assertThat(lines.stream().filter(l -> l.startsWith("PRODID:"))).hasSize(1);
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                assertThat(current).isNull();
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                assertThat(current).containsKeys("UID", "DTSTAMP", "DTSTART");
                events.add(current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                assertThat(colon).as(line).isPositive();
                String name = line.substring(0, colon);
                String value = line.substring(colon + 1);
                current.put(name, TEXT.contains(name) ? unescape(value) : value);
            }
        }
        assertThat(current).isNull();
        return events;
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                assertThat(c).as("unescaped , or ; in " + text).isNotIn(',', ';');
                out.append(c);
            }
        }
        return out.toString();
    }
}
