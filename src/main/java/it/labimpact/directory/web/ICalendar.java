package it.labimpact.directory.web;

import it.labimpact.directory.EntryView;
import it.labimpact.directory.TextField;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Public events as iCalendar (RFC 5545): CRLF line ends, lines folded at 75 octets, TEXT values escaped, times in
 * UTC. One event, or a feed of many, for calendar applications on phones.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    private ICalendar(String name) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Lab'Impact//Directory//IT");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + text(name));
    }

    /** A calendar with the events; {@code base} is the site's address, for each event's URL. */
    static String of(String name, List<EntryView> events, String base, Instant stamp) {
        ICalendar cal = new ICalendar(name);
        events.forEach(e -> cal.event(e, base, stamp));
        cal.line("END:VCALENDAR");
        return cal.out.toString();
    }

    private void event(EntryView e, String base, Instant stamp) {
        line("BEGIN:VEVENT");
        line("UID:" + e.id() + "@labimpact.directory");
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(e.startsAt()));
        line("DTEND:" + UTC.format(e.endsAt() != null ? e.endsAt() : e.startsAt().plusSeconds(3600)));
        line("LAST-MODIFIED:" + UTC.format(e.updatedAt()));
        line("SUMMARY:" + text(e.name()));
        StringBuilder description = new StringBuilder();
        for (TextField f : List.of(TextField.DESCRIPTION, TextField.REGISTRATION, TextField.COST)) {
            if (e.text(f) != null) {
                description.append(description.isEmpty() ? "" : "\n\n").append(e.text(f).value());
            }
        }
        if (!description.isEmpty()) {
            line("DESCRIPTION:" + text(description.toString()));
        }
        if (!e.locations().isEmpty()) {
            EntryView.Location l = e.locations().get(0);
            line("LOCATION:" + text((l.name() == null ? "" : l.name() + ", ") + l.address() + ", "
                    + (l.postalCode() == null ? "" : l.postalCode() + " ") + l.comuneName()));
            line(String.format(java.util.Locale.ROOT, "GEO:%.6f;%.6f", l.latitude(), l.longitude()));
        }
        line("URL:" + base + "/eventi/" + e.id());
        line("END:VEVENT");
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma escaped; line breaks as {@code \n}. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 sequence), ended by CRLF. */
    private void line(String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
