package it.labimpact.directory.web;

import it.labimpact.directory.EntryKind;
import it.labimpact.directory.EntryView;
import it.labimpact.directory.TextField;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org JSON-LD of an entry (Service or Event) for search engines, safe to put inside
 * {@code <script type="application/ld+json">}: "&lt;" is written {@code \u003c}, so no text can close the element.
 */
final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLd() {
    }

    static String of(EntryView e, String url, String lang, List<String> categoryNames) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        boolean event = e.kind() == EntryKind.EVENT;
        ld.put("@type", event ? "Event" : "Service");
        ld.put("@id", url);
        ld.put("url", url);
        ld.put("name", e.name());
        ld.put("inLanguage", lang);
        if (e.text(TextField.DESCRIPTION) != null) {
            ld.put("description", e.text(TextField.DESCRIPTION).value());
        }
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("@type", "Organization");
        provider.put("name", e.organisationName());
        ld.put(event ? "organizer" : "provider", provider);
        List<Object> places = new ArrayList<>();
        for (EntryView.Location l : e.locations()) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            address.put("streetAddress", l.address());
            if (l.postalCode() != null) {
                address.put("postalCode", l.postalCode());
            }
            address.put("addressLocality", l.comuneName());
            if (l.provinceSigla() != null) {
                address.put("addressRegion", l.provinceSigla());
            }
            address.put("addressCountry", "IT");
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            if (l.name() != null) {
                place.put("name", l.name());
            }
            place.put("address", address);
            place.put("geo", Map.of("@type", "GeoCoordinates", "latitude", l.latitude(), "longitude", l.longitude()));
            places.add(place);
        }
        if (event) {
            ld.put("startDate", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.startsAt().atZone(
                    it.labimpact.directory.DirectoryEditorial.ZONE)));
            if (e.endsAt() != null) {
                ld.put("endDate", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.endsAt().atZone(
                        it.labimpact.directory.DirectoryEditorial.ZONE)));
            }
            ld.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
            ld.put("eventStatus", "https://schema.org/EventScheduled");
            if (!places.isEmpty()) {
                ld.put("location", places.get(0));
            }
            if (e.free()) {
                ld.put("isAccessibleForFree", true);
            }
        } else {
            if (!places.isEmpty()) {
                ld.put("areaServed", places.size() == 1 ? places.get(0) : places);
            }
            ld.put("serviceType", String.join(", ", categoryNames));
            if (e.free()) {
                ld.put("isAccessibleForFree", true);
            }
        }
        if (!e.languages().isEmpty()) {
            ld.put("availableLanguage", e.languages());
        }
        if (e.email() != null || e.phone() != null) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("@type", "ContactPoint");
            if (e.email() != null) {
                contact.put("email", e.email());
            }
            if (e.phone() != null) {
                contact.put("telephone", e.phone());
            }
            if (!e.languages().isEmpty()) {
                contact.put("availableLanguage", e.languages());
            }
            provider.put("contactPoint", contact);
        }
        return JSON.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
