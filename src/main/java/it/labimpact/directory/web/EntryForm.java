package it.labimpact.directory.web;

import it.labimpact.directory.DirectoryCategory;
import it.labimpact.directory.EntryData;
import it.labimpact.directory.EntryKind;
import it.labimpact.directory.EntryView;
import it.labimpact.directory.LocalisedText;
import it.labimpact.directory.PublicLanguage;
import it.labimpact.directory.TextField;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry form as typed: read from the request's parameters (repeated ones for places), turned into an
 * {@link EntryData} or into field errors (message keys), and filled back from an entry to edit it. Opening hours
 * are typed per weekday as {@code 09:00-12:30, 14:00-17:00}; exceptions one per line as
 * {@code 2026-12-24 closed note} or {@code 2026-12-24 09:00-12:00 note}.
 */
final class EntryForm {

    /** Places shown on the form: those of the entry plus one empty, at least two. */
    static final int MIN_PLACES = 2;
    static final String[] PLACE_FIELDS = {"locName", "locAddress", "locPostal", "locComune", "locLat", "locLon"};

    private static final Pattern SLOT = Pattern.compile("^(\\d{1,2})[:.](\\d{2})\\s*[-–]\\s*(\\d{1,2})[:.](\\d{2})$");
    private static final Pattern CLOSURE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})(?:\\s+(\\d{1,2}[:.]\\d{2})\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2}))?\\s*(.*)$");

    private EntryForm() {
    }

    /** The values as typed (field → value, places as lists), to show the form again. */
    static Map<String, Object> typed(HttpServletRequest request) {
        Map<String, Object> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> values.put(k, v.length == 0 ? "" : v[0]));
        values.put("categories", list(request, "categories"));
        values.put("languages", list(request, "languages"));
        for (String f : PLACE_FIELDS) {
            values.put(f, list(request, f));
        }
        return values;
    }

    /** Reads the form into data, or adds errors (field → message key) and returns {@code null}. */
    static EntryData read(HttpServletRequest r, EntryKind kind, Map<String, String> errors) {
        Map<TextField, String> italian = new EnumMap<>(TextField.class);
        for (TextField f : TextField.values()) {
            String v = param(r, f.column());
            if (v.length() > 4000) {
                errors.put(f.column(), "directory.text.tooLong");
            }
            italian.put(f, v);
        }
        if (italian.get(TextField.NAME).isBlank()) {
            errors.put("name", "directory.name.required");
        }
        Set<DirectoryCategory> categories = EnumSet.noneOf(DirectoryCategory.class);
        for (String c : list(r, "categories")) {
            Arrays.stream(DirectoryCategory.values()).filter(x -> x.name().equals(c)).forEach(categories::add);
        }
        List<String> languages = list(r, "languages").stream().map(PublicLanguage::of)
                .flatMap(java.util.Optional::stream).map(PublicLanguage::tag).distinct().toList();
        Long organisation = null;
        try {
            organisation = Long.valueOf(param(r, "organisationId"));
        } catch (NumberFormatException e) {
            errors.put("organisationId", "directory.organisation.required");
        }
        String email = param(r, "email");
        if (!email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.put("email", "directory.email.invalid");
        }
        String url = param(r, "url");
        if (!url.isEmpty() && !url.matches("^https?://\\S+$")) {
            errors.put("url", "directory.url.invalid");
        }
        String phone = param(r, "phone");
        if (phone.length() > 40) {
            errors.put("phone", "directory.phone.invalid");
        }
        LocalDateTime starts = dateTime(r, "startsAt", errors);
        LocalDateTime ends = dateTime(r, "endsAt", errors);
        if (kind == EntryKind.EVENT && starts == null && !errors.containsKey("startsAt")) {
            errors.put("startsAt", "directory.event.start");
        }
        List<EntryData.Opening> openings = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            String v = param(r, "hours" + d);
            if (v.isEmpty()) {
                continue;
            }
            for (String slot : v.split("[,;]")) {
                Matcher m = SLOT.matcher(slot.strip());
                LocalTime opens = m.matches() ? time(m.group(1), m.group(2)) : null;
                LocalTime closes = m.matches() ? time(m.group(3), m.group(4)) : null;
                if (opens == null || closes == null || !closes.isAfter(opens)) {
                    errors.put("hours" + d, "directory.hours.invalid");
                    break;
                }
                openings.add(new EntryData.Opening(d, opens, closes));
            }
        }
        List<EntryData.Closure> closures = new ArrayList<>();
        for (String line : param(r, "closures").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = CLOSURE.matcher(line.strip());
            try {
                if (!m.matches()) {
                    throw new DateTimeParseException("closure", line, 0);
                }
                LocalTime opens = m.group(2) == null ? null : LocalTime.parse(pad(m.group(2)));
                LocalTime closes = m.group(3) == null ? null : LocalTime.parse(pad(m.group(3)));
                String note = m.group(4).replaceFirst("(?i)^(chiuso|closed)\\b\\s*", "").strip();
                closures.add(new EntryData.Closure(LocalDate.parse(m.group(1)), opens, closes,
                        note.isEmpty() ? null : note.length() > 200 ? note.substring(0, 200) : note));
            } catch (DateTimeParseException e) {
                errors.put("closures", "directory.closures.invalid");
                break;
            }
        }
        List<EntryData.Place> places = new ArrayList<>();
        List<String> address = list(r, "locAddress");
        for (int i = 0; i < address.size(); i++) {
            String comune = at(r, "locComune", i);
            if (address.get(i).isBlank() && comune.isBlank()) {
                continue;
            }
            String postal = at(r, "locPostal", i);
            if (!postal.isEmpty() && !postal.matches("\\d{5}")) {
                errors.put("locPostal" + places.size(), "directory.place.postal");
            }
            Double lat = coordinate(at(r, "locLat", i), 90, "locLat" + places.size(), errors);
            Double lon = coordinate(at(r, "locLon", i), 180, "locLon" + places.size(), errors);
            places.add(new EntryData.Place(at(r, "locName", i), address.get(i), postal, comune, lat, lon));
        }
        Integer version = null;
        try {
            version = param(r, "version").isEmpty() ? null : Integer.valueOf(param(r, "version"));
        } catch (NumberFormatException e) {
            errors.put("version", "edit.version.required");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new EntryData(kind, param(r, "networkCode"), organisation, categories, r.getParameter("free") != null,
                languages, email, phone, url, starts, ends, italian, places, openings, closures, version);
    }

    /** The form's values for an entry being edited. */
    static Map<String, Object> of(EntryView e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("organisationId", String.valueOf(e.organisationId()));
        v.put("networkCode", e.networkCode());
        v.put("categories", e.categories().stream().map(Enum::name).toList());
        v.put("languages", e.languages());
        v.put("free", e.free() ? "on" : null);
        v.put("email", nz(e.email()));
        v.put("phone", nz(e.phone()));
        v.put("url", nz(e.url()));
        v.put("startsAt", e.startsAt() == null ? "" : local(e.startsAt()));
        v.put("endsAt", e.endsAt() == null ? "" : local(e.endsAt()));
        for (TextField f : TextField.values()) {
            LocalisedText t = e.text(f);
            v.put(f.column(), t == null ? "" : t.value());
        }
        for (int d = 1; d <= 7; d++) {
            int day = d;
            v.put("hours" + d, String.join(", ", e.openings().stream().filter(o -> o.weekday() == day)
                    .map(o -> o.opens() + "-" + o.closes()).toList()));
        }
        v.put("closures", String.join("\n", e.closures().stream().map(c -> c.date() + " "
                + (c.opens() == null ? "chiuso" : c.opens() + "-" + c.closes()) + (c.note() == null ? "" : " " + c.note()))
                .toList()));
        v.put("locName", e.locations().stream().map(l -> nz(l.name())).toList());
        v.put("locAddress", e.locations().stream().map(EntryView.Location::address).toList());
        v.put("locPostal", e.locations().stream().map(l -> nz(l.postalCode())).toList());
        v.put("locComune", e.locations().stream().map(EntryView.Location::comuneName).toList());
        v.put("locLat", e.locations().stream().map(l -> String.valueOf(l.latitude())).toList());
        v.put("locLon", e.locations().stream().map(l -> String.valueOf(l.longitude())).toList());
        v.put("version", String.valueOf(e.version()));
        return v;
    }

    private static String local(java.time.Instant i) {
        return i.atZone(it.labimpact.directory.DirectoryEditorial.ZONE).toLocalDateTime().toString();
    }

    private static LocalDateTime dateTime(HttpServletRequest r, String name, Map<String, String> errors) {
        String v = param(r, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(name, "form.typeMismatch");
            return null;
        }
    }

    private static Double coordinate(String v, double max, String field, Map<String, String> errors) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.replace(',', '.'));
            if (Math.abs(d) <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, "directory.place.coordinate");
        return null;
    }

    private static LocalTime time(String h, String m) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    private static String pad(String t) {
        String s = t.replace('.', ':');
        return s.length() == 4 ? "0" + s : s;
    }

    static String param(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        return v == null ? "" : v.strip();
    }

    private static List<String> list(HttpServletRequest r, String name) {
        String[] v = r.getParameterValues(name);
        return v == null ? List.of() : Arrays.stream(v).map(String::strip).toList();
    }

    private static String at(HttpServletRequest r, String name, int i) {
        List<String> l = list(r, name);
        return i < l.size() ? l.get(i) : "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
