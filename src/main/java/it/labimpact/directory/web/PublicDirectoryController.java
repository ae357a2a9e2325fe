package it.labimpact.directory.web;

import it.labimpact.directory.DirectoryCategory;
import it.labimpact.directory.DirectorySearch;
import it.labimpact.directory.EntryKind;
import it.labimpact.directory.EntrySummary;
import it.labimpact.directory.EntryView;
import it.labimpact.directory.PublicDirectory;
import it.labimpact.directory.PublicLanguage;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.territory.Comune;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public directory, no login: search services ({@code /servizi}), an entry's page, upcoming events
 * ({@code /eventi}) with an iCalendar file per event and a feed, and the sitemap. Server-rendered, no script needed;
 * in the visitor's language ({@link PublicLanguageInterceptor}). Unknown comuni, categories, languages and entries
 * get a friendly page in the visitor's language.
 */
@Controller
class PublicDirectoryController {

    private static final int PAGE_SIZE = 20;
    private static final int MAX_TEXT = 200;

    private final PublicDirectory directory;
    private final MessageSource messages;

    PublicDirectoryController(PublicDirectory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        PublicLanguage lang = PublicLanguageInterceptor.of(request);
        model.addAttribute("pub", lang);
        model.addAttribute("fmt", new PublicFormat(lang.locale()));
        model.addAttribute("publicLanguages", PublicLanguage.values());
        Map<String, String> links = new LinkedHashMap<>();
        for (PublicLanguage l : PublicLanguage.values()) {
            links.put(l.tag(), UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam(PublicLanguageInterceptor.PARAM, l.tag()).build().toUriString());
        }
        model.addAttribute("switchLinks", links);
        model.addAttribute("unknownLanguage", request.getAttribute(PublicLanguageInterceptor.UNKNOWN));
        model.addAttribute("categories", DirectoryCategory.values());
        model.addAttribute("radiusKm", (int) DirectorySearch.RADIUS_KM);
    }

    @GetMapping("/servizi")
    String services(@RequestParam(required = false) String q, @RequestParam(required = false) String comune,
            @RequestParam(required = false) String categoria, @RequestParam(required = false) String parla,
            @RequestParam(defaultValue = "0") int pagina, HttpServletRequest request, Model model) {
        search(EntryKind.SERVICE, q, comune, categoria, parla, pagina, request, model);
        return "directory/public-services";
    }

    @GetMapping("/eventi")
    String events(@RequestParam(required = false) String q, @RequestParam(required = false) String comune,
            @RequestParam(required = false) String categoria, @RequestParam(required = false) String parla,
            @RequestParam(defaultValue = "0") int pagina, HttpServletRequest request, Model model) {
        PageResponse<EntrySummary> result = search(EntryKind.EVENT, q, comune, categoria, parla, pagina, request, model);
        Map<String, List<EntrySummary>> byMonth = new LinkedHashMap<>();
        PublicFormat fmt = new PublicFormat(PublicLanguageInterceptor.of(request).locale());
        for (EntrySummary e : result.items()) {
            byMonth.computeIfAbsent(fmt.month(e.startsAt()), k -> new ArrayList<>()).add(e);
        }
        model.addAttribute("byMonth", byMonth);
        return "directory/public-events";
    }

    @GetMapping("/servizi/{id}")
    String service(@PathVariable String id, HttpServletRequest request, Model model) {
        return entry(EntryKind.SERVICE, id, request, model);
    }

    @GetMapping("/eventi/{id}")
    String event(@PathVariable String id, HttpServletRequest request, Model model) {
        return entry(EntryKind.EVENT, id, request, model);
    }

    /** One event as an iCalendar file, in the visitor's language. */
    @GetMapping("/eventi/{id}/evento.ics")
    ResponseEntity<String> eventCalendar(@PathVariable String id, HttpServletRequest request) {
        EntryView event = published(EntryKind.EVENT, id, PublicLanguageInterceptor.of(request));
        String ics = ICalendar.of(event.name(), List.of(event), base(), Instant.now());
        return calendar(ics, "evento-" + event.id() + ".ics");
    }

    /** The feed of upcoming events (up to 500), for a calendar application to subscribe to. */
    @GetMapping("/eventi/calendario.ics")
    ResponseEntity<String> eventFeed(HttpServletRequest request) {
        PublicLanguage lang = PublicLanguageInterceptor.of(request);
        List<EntryView> events = directory.search(new DirectorySearch(EntryKind.EVENT, null, null, null, null), lang,
                new PageRequest(0, 500)).items().stream().map(e -> directory.entry(e.id(), lang)).toList();
        String name = messages.getMessage("public.events.feed", null, lang.locale());
        return calendar(ICalendar.of(name, events, base(), Instant.now()), "eventi.ics");
    }

    /** Every public page, with its language versions as alternates (sitemaps.org, hreflang). */
    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        String base = base();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                """);
        url(xml, base + "/servizi", null);
        url(xml, base + "/eventi", null);
        directory.published(EntryKind.SERVICE).forEach(e -> url(xml, base + "/servizi/" + e.getKey(), e.getValue()));
        directory.published(EntryKind.EVENT).forEach(e -> url(xml, base + "/eventi/" + e.getKey(), e.getValue()));
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    private static void url(StringBuilder xml, String loc, Instant lastModified) {
        xml.append("  <url><loc>").append(xmlEscape(loc)).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified.atZone(java.time.ZoneOffset.UTC).toLocalDate()).append("</lastmod>");
        }
        for (PublicLanguage l : PublicLanguage.values()) {
            xml.append("\n    <xhtml:link rel=\"alternate\" hreflang=\"").append(l.tag()).append("\" href=\"")
                    .append(xmlEscape(loc + "?" + PublicLanguageInterceptor.PARAM + "=" + l.tag())).append("\"/>");
        }
        xml.append("</url>\n");
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @ExceptionHandler(RecordNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Model model) {
        layout(request, model);
        return "directory/public-404";
    }

    // --- helpers ---

    private PageResponse<EntrySummary> search(EntryKind kind, String q, String comune, String categoria, String parla,
            int pagina, HttpServletRequest request, Model model) {
        PublicLanguage lang = PublicLanguageInterceptor.of(request);
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String place = comune == null ? "" : comune.strip();
        Comune found = null;
        if (place.isEmpty()) {
            // "near me": the position the browser gave (rounded to about a kilometre by the page's script) stands
            // for its nearest comune; a position far from Lombardy, or no number, is ignored
            Optional<Comune> near = coordinate(request.getParameter("lat")).flatMap(lat ->
                    coordinate(request.getParameter("lon")).flatMap(lon -> directory.nearestComune(lat, lon)));
            if (near.isPresent()) {
                found = near.get();
                place = found.name();
            }
        } else {
            Optional<Comune> c = directory.comune(place.length() > 80 ? place.substring(0, 80) : place);
            if (c.isPresent()) {
                found = c.get();
            } else {
                model.addAttribute("unknownComune", place);
                model.addAttribute("suggestions", directory.comuniLike(place, 5));
            }
        }
        DirectoryCategory category = Arrays.stream(DirectoryCategory.values())
                .filter(c -> c.name().equals(categoria)).findFirst().orElse(null);
        String spoken = PublicLanguage.of(parla).map(PublicLanguage::tag).orElse(null);
        PageResponse<EntrySummary> result = directory.search(new DirectorySearch(kind, found == null ? null
                : found.istatCode(), category, spoken, text.isEmpty() ? null : text), lang,
                new PageRequest(pagina, PAGE_SIZE));
        model.addAttribute("searchPath", request.getRequestURI());
        model.addAttribute("q", text);
        model.addAttribute("comune", place);
        model.addAttribute("comuneFound", found);
        model.addAttribute("categoria", category == null ? "" : category.name());
        model.addAttribute("parla", spoken == null ? "" : spoken);
        model.addAttribute("result", result);
        model.addAttribute("searched", !text.isEmpty() || !place.isEmpty() || category != null || spoken != null);
        model.addAttribute("map", ResultMap.of(result.items(), found == null ? null : found.lat(),
                found == null ? null : found.lon()));
        String pageBase = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("pagina").replaceQueryParam(PublicLanguageInterceptor.PARAM).build().toUriString();
        model.addAttribute("pageBase", pageBase + (pageBase.contains("?") ? "&pagina=" : "?pagina="));
        return result;
    }

    private static Optional<Double> coordinate(String raw) {
        try {
            return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(Double.parseDouble(raw.strip()))
                    .filter(Double::isFinite);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String entry(EntryKind kind, String id, HttpServletRequest request, Model model) {
        PublicLanguage lang = PublicLanguageInterceptor.of(request);
        EntryView entry = published(kind, id, lang);
        String url = base() + (kind == EntryKind.EVENT ? "/eventi/" : "/servizi/") + entry.id();
        List<String> categoryNames = entry.categories().stream()
                .map(c -> messages.getMessage("category." + c.name(), null, lang.locale())).toList();
        model.addAttribute("entry", entry);
        Map<String, Object> texts = new LinkedHashMap<>();
        entry.texts().forEach((field, text) -> texts.put(field.column(), text));
        model.addAttribute("txt", texts);
        model.addAttribute("canonical", url);
        model.addAttribute("jsonLd", JsonLd.of(entry, url, lang.tag(), categoryNames));
        model.addAttribute("fallback", entry.texts().values().stream().anyMatch(t -> t.fallback()));
        return "directory/public-entry";
    }

    private EntryView published(EntryKind kind, String id, PublicLanguage lang) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("directory entry", "?");
        }
        EntryView entry = directory.entry(uuid, lang);
        if (entry.kind() != kind) {
            throw new RecordNotFoundException("directory entry", uuid);
        }
        return entry;
    }

    private static ResponseEntity<String> calendar(String ics, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(ics);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
