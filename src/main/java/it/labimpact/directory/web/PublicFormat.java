package it.labimpact.directory.web;

import it.labimpact.directory.DirectoryEditorial;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates, times and weekdays in the visitor's language, in Italy's time zone; used by the public templates. */
final class PublicFormat {

    private final Locale locale;

    PublicFormat(Locale locale) {
        this.locale = locale;
    }

    public String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
    }

    public String date(Instant i) {
        return i == null ? "" : date(i.atZone(DirectoryEditorial.ZONE).toLocalDate());
    }

    public String dateTime(Instant i) {
        return i == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(DirectoryEditorial.ZONE).format(i);
    }

    public String time(LocalTime t) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(t);
    }

    public String time(Instant i) {
        return i == null ? "" : time(i.atZone(DirectoryEditorial.ZONE).toLocalTime());
    }

    public String weekday(int isoDay) {
        String day = DayOfWeek.of(isoDay).getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return day.isEmpty() ? day : day.substring(0, 1).toUpperCase(locale) + day.substring(1);
    }

    public String month(Instant i) {
        return i == null ? "" : DateTimeFormatter.ofPattern("LLLL yyyy", locale).withZone(DirectoryEditorial.ZONE)
                .format(i);
    }

    /** The ISO date of an instant in Italy, for {@code <time datetime>}. */
    public String iso(Instant i) {
        return i == null ? "" : i.atZone(DirectoryEditorial.ZONE).toOffsetDateTime().toString();
    }

    /** A language tag's name in the visitor's language ({@code ar} → "arabo" for an Italian visitor). */
    public String language(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public String km(Double km) {
        return km == null ? "" : String.format(locale, "%.1f", km);
    }
}
