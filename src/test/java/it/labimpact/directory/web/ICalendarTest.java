package it.labimpact.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.directory.DirectoryCategory;
import it.labimpact.directory.EntryKind;
import it.labimpact.directory.EntryStatus;
import it.labimpact.directory.EntryView;
import it.labimpact.directory.LocalisedText;
import it.labimpact.directory.TextField;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** iCalendar output, parsed back: escaping, folding of long and multi-byte lines, UTC times. */
class ICalendarTest {

    @Test
    void escapesFoldsAndWritesUtc() {
        String longArabic = "لقاء مفتوح حول الحقوق والخدمات، مع أسئلة وأجوبة؛ ".repeat(4);
        EntryView e = new EntryView(UUID.randomUUID(), EntryKind.EVENT, "milano", 1, "Comune di Milano",
                EntryStatus.PUBLISHED, List.of(DirectoryCategory.COMMUNITY), true, List.of("it"), null, null, null,
                Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-01T19:00:00Z"),
                Map.of(TextField.NAME, new LocalisedText("Festa, musica; e \\ balli", "it", false),
                        TextField.DESCRIPTION, new LocalisedText(longArabic + "\nriga 2", "ar", false)),
                List.of(new EntryView.Location(UUID.randomUUID(), "Biblioteca", "Via Roma 1, cortile", "20100",
                        "015146", "Milano", "MI", 45.46, 9.19)), List.of(), List.of(), null, null,
                Instant.parse("2026-11-01T10:00:00Z"), 0, false, Map.of());
        String ics = ICalendar.of("Eventi", List.of(e), "https://example.org", Instant.parse("2026-11-26T10:00:00Z"));
        Map<String, String> event = ICalendarParser.events(ics).get(0);
        assertThat(event.get("SUMMARY")).isEqualTo("Festa, musica; e \\ balli");
        assertThat(event.get("DESCRIPTION")).isEqualTo(longArabic + "\nriga 2");
        assertThat(event.get("DTSTART")).isEqualTo("20261201T170000Z");
        assertThat(event.get("DTEND")).isEqualTo("20261201T190000Z");
        assertThat(event.get("DTSTAMP")).isEqualTo("20261126T100000Z");
        assertThat(event.get("LOCATION")).isEqualTo("Biblioteca, Via Roma 1, cortile, 20100 Milano");
        assertThat(event.get("UID")).isEqualTo(e.id() + "@labimpact.directory");
        assertThat(event.get("URL")).isEqualTo("https://example.org/eventi/" + e.id());
        assertThat(ics).contains("\r\n ");
    }
}
