package it.labimpact.directory;

import it.labimpact.partnership.OrganisationDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.RecordNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as HSDS 3.0 objects (Open Referral's Human Services Data Specification): published services,
 * their organisations, their places (service_at_location with location and address), the programme's taxonomy and
 * its terms, and, as an extension, events. Texts in Italian, or in a visitor language where a reviewed translation
 * exists; every object says which language it is in ({@code lang}) and which fields fell back to Italian
 * ({@code lang_fallback}). Objects are plain maps, fields without a value left out (HSDS has no nulls).
 *
 * <p>Ids: entries and places keep their UUIDs (a place's id is its service_at_location id; its HSDS location id is
 * derived from it); organisations, the taxonomy, its terms and the child objects (phones, schedules, languages,
 * documents...) get name-based UUIDs (RFC 4122 version 3) of a fixed text, so that they are stable across calls
 * and restarts: an organisation's is the UUID of {@code labimpact-partnership-organisation:<partnership id>}.
 */
@Service
@Transactional(readOnly = true)
public class HsdsDirectory {

    /** The HSDS version served. */
    public static final String VERSION = "3.0";

    /** The taxonomy of the programme's themes (HSDS taxonomy.id). */
    public static final UUID TAXONOMY_ID = nameUuid("labimpact-directory:taxonomy");

    private static final int MAX_WORDS = 8;

    /** A page of HSDS objects; {@code page} counts from 1. */
    public record Page(List<Map<String, Object>> contents, long totalItems, int page, int perPage) {
    }

    /**
     * A list's filters, as the HSDS parameters name them; any may be {@code null}.
     *
     * @param modifiedAfter entries changed at or after that moment
     */
    public record Filters(String search, String taxonomyTermId, String taxonomyId, String organizationId,
            Instant modifiedAfter, String postcode) {
    }

    /** What a conditional request compares: the latest change of published data and a tag of its whole state. */
    public record Freshness(Instant lastModified, String etag) {
    }

    private final HsdsRepository hsds;
    private final DirectoryRepository repository;
    private final EntryViews views;
    private final DirectoryEditorial editorial;
    private final Partnership partnership;
    private final MessageSource messages;

    HsdsDirectory(HsdsRepository hsds, DirectoryRepository repository, EntryViews views, DirectoryEditorial editorial,
            Partnership partnership, MessageSource messages) {
        this.hsds = hsds;
        this.repository = repository;
        this.views = views;
        this.editorial = editorial;
        this.partnership = partnership;
        this.messages = messages;
    }

    /** An organisation's HSDS id: the name-based UUID of {@code labimpact-partnership-organisation:<id>}. */
    public static UUID organisationId(long partnershipId) {
        return nameUuid("labimpact-partnership-organisation:" + partnershipId);
    }

    /**
     * Changes whenever a published entry (or one that was published) changes, is checked, published or
     * unpublished; the same for every list and object, so that a client's copy is never older than the data.
     */
    public Freshness freshness() {
        HsdsRepository.Freshness f = hsds.freshness();
        String tag = f.lastModified().toEpochMilli() + "|" + f.lastChecked() + "|" + f.published() + "|" + VERSION;
        return new Freshness(f.lastModified(), "\"hsds-" + nameUuid(tag) + "\"");
    }

    // --- services and events ---

    public Page services(Filters filters, PublicLanguage lang, int page, int perPage, boolean full, boolean minimal) {
        return entries(EntryKind.SERVICE, filters, lang, page, perPage, full, minimal);
    }

    public Map<String, Object> service(String id, PublicLanguage lang) {
        return entry(EntryKind.SERVICE, id, lang);
    }

    /** Events (extension): service-shaped, with {@code starts_at} and {@code ends_at}, by start. */
    public Page events(Filters filters, PublicLanguage lang, int page, int perPage, boolean full) {
        return entries(EntryKind.EVENT, filters, lang, page, perPage, full, false);
    }

    public Map<String, Object> event(String id, PublicLanguage lang) {
        return entry(EntryKind.EVENT, id, lang);
    }

    private Page entries(EntryKind kind, Filters filters, PublicLanguage lang, int page, int perPage, boolean full,
            boolean minimal) {
        HsdsRepository.Query q = query(kind, filters, lang);
        List<UUID> ids = hsds.entryIds(q, (long) (page - 1) * perPage, perPage);
        List<Map<String, Object>> contents = new ArrayList<>();
        for (EntryView v : viewsOf(ids, lang)) {
            contents.add(minimal ? minimal(v) : entryObject(v, full, lang));
        }
        return new Page(contents, hsds.countEntries(q), page, perPage);
    }

    private Map<String, Object> entry(EntryKind kind, String id, PublicLanguage lang) {
        UUID uuid = parse(id).orElseThrow(() -> notFound(kind.name().toLowerCase(Locale.ROOT), id));
        return repository.entry(uuid).filter(r -> r.status() == EntryStatus.PUBLISHED && r.kind() == kind)
                .map(r -> entryObject(views.view(r, lang.tag(), false, editorial.staleBefore()), true, lang))
                .orElseThrow(() -> notFound(kind.name().toLowerCase(Locale.ROOT), id));
    }

    // --- service_at_locations ---

    public Page serviceAtLocations(Filters filters, PublicLanguage lang, int page, int perPage, boolean full) {
        HsdsRepository.Query q = query(EntryKind.SERVICE, filters, lang);
        List<UUID> placeIds = hsds.placeIds(q, (long) (page - 1) * perPage, perPage);
        List<Map<String, Object>> contents = new ArrayList<>();
        Map<UUID, EntryView> byEntry = new HashMap<>();
        for (UUID placeId : placeIds) {
            UUID entryId = hsds.entryOfPlace(placeId, EntryKind.SERVICE).orElseThrow();
            EntryView v = byEntry.computeIfAbsent(entryId, k -> viewsOf(List.of(k), lang).get(0));
            v.locations().stream().filter(l -> l.id().equals(placeId)).findFirst()
                    .ifPresent(l -> contents.add(serviceAtLocation(v, l, full)));
        }
        return new Page(contents, hsds.countPlaces(q), page, perPage);
    }

    public Map<String, Object> serviceAtLocation(String id, PublicLanguage lang) {
        UUID placeId = parse(id).orElseThrow(() -> notFound("service_at_location", id));
        UUID entryId = hsds.entryOfPlace(placeId, EntryKind.SERVICE)
                .orElseThrow(() -> notFound("service_at_location", id));
        EntryView v = viewsOf(List.of(entryId), lang).get(0);
        EntryView.Location place = v.locations().stream().filter(l -> l.id().equals(placeId)).findFirst()
                .orElseThrow(() -> notFound("service_at_location", id));
        Map<String, Object> sal = serviceAtLocation(v, place, true);
        sal.put("service", entryObject(v, false, lang));
        return sal;
    }

    // --- organizations ---

    public Page organizations(String search, PublicLanguage lang, int page, int perPage, boolean full) {
        List<OrganisationDetail> all = hsds.organisations(EntryKind.SERVICE).stream()
                .map(partnership::organisation).flatMap(Optional::stream)
                .filter(o -> matches(search, o.summary().name()))
                .sorted((a, b) -> a.summary().name().compareToIgnoreCase(b.summary().name())).toList();
        List<Map<String, Object>> contents = pageOf(all, page, perPage).stream()
                .map(o -> organisationObject(o, full, lang)).toList();
        return new Page(contents, all.size(), page, perPage);
    }

    public Map<String, Object> organization(String id, PublicLanguage lang) {
        UUID uuid = parse(id).orElseThrow(() -> notFound("organization", id));
        return hsds.organisations(EntryKind.SERVICE).stream().filter(o -> organisationId(o).equals(uuid)).findFirst()
                .flatMap(partnership::organisation).map(o -> organisationObject(o, true, lang))
                .orElseThrow(() -> notFound("organization", id));
    }

    // --- taxonomies ---

    public Page taxonomies(String search, int page, int perPage) {
        List<Map<String, Object>> all = matches(search, taxonomyName()) ? List.of(taxonomy()) : List.of();
        return new Page(pageOf(all, page, perPage), all.size(), page, perPage);
    }

    public Map<String, Object> taxonomy(String id) {
        return parse(id).filter(TAXONOMY_ID::equals).map(u -> taxonomy())
                .orElseThrow(() -> notFound("taxonomy", id));
    }

    public Page taxonomyTerms(String search, String taxonomyId, String parentId, PublicLanguage lang, int page,
            int perPage) {
        boolean ours = taxonomyId == null || parse(taxonomyId).filter(TAXONOMY_ID::equals).isPresent();
        List<Map<String, Object>> all = !ours || parentId != null ? List.of()
                : Arrays.stream(DirectoryCategory.values()).map(c -> term(c, lang))
                        .filter(t -> matches(search, (String) t.get("name")) || matches(search, (String) t.get("code")))
                        .toList();
        return new Page(pageOf(all, page, perPage), all.size(), page, perPage);
    }

    public Map<String, Object> taxonomyTerm(String id, PublicLanguage lang) {
        UUID uuid = parse(id).orElseThrow(() -> notFound("taxonomy_term", id));
        return Arrays.stream(DirectoryCategory.values()).filter(c -> c.termId().equals(uuid)).findFirst()
                .map(c -> term(c, lang)).orElseThrow(() -> notFound("taxonomy_term", id));
    }

    // --- mapping ---

    private HsdsRepository.Query query(EntryKind kind, Filters f, PublicLanguage lang) {
        boolean nothing = false;
        List<DirectoryCategory> categories = null;
        if (f.taxonomyTermId() != null) {
            UUID term = parse(f.taxonomyTermId()).orElse(null);
            categories = Arrays.stream(DirectoryCategory.values()).filter(c -> c.termId().equals(term)).toList();
            nothing = categories.isEmpty();
        }
        if (f.taxonomyId() != null) {
            if (parse(f.taxonomyId()).filter(TAXONOMY_ID::equals).isEmpty()) {
                nothing = true;
            } else if (categories == null) {
                categories = List.of(DirectoryCategory.values());
            }
        }
        Long organisation = null;
        if (f.organizationId() != null) {
            UUID org = parse(f.organizationId()).orElse(null);
            organisation = hsds.organisations(kind).stream().filter(o -> organisationId(o).equals(org)).findFirst()
                    .orElse(null);
            nothing |= organisation == null;
        }
        List<String> words = f.search() == null ? null : Arrays.stream(f.search().strip().split("\\s+"))
                .filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
        return new HsdsRepository.Query(kind, words == null || words.isEmpty() ? null : words, lang.tag(), categories,
                organisation, f.modifiedAfter(), blankToNull(f.postcode()), nothing);
    }

    private List<EntryView> viewsOf(List<UUID> ids, PublicLanguage lang) {
        Map<UUID, DirectoryRepository.EntryRow> rows = new HashMap<>();
        repository.entries(ids).forEach(r -> rows.put(r.id(), r));
        LocalDate staleBefore = editorial.staleBefore();
        return ids.stream().filter(rows::containsKey)
                .map(id -> views.view(rows.get(id), lang.tag(), false, staleBefore)).toList();
    }

    private static Map<String, Object> minimal(EntryView v) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", v.id().toString());
        o.put("name", v.name());
        o.put("status", "active");
        o.put("last_modified", v.updatedAt().toString());
        return o;
    }

    /** A service (or an event, service-shaped): one-to-one fields, and with {@code full} everything nested. */
    private Map<String, Object> entryObject(EntryView v, boolean full, PublicLanguage lang) {
        Map<String, Object> o = new LinkedHashMap<>();
        Set<String> fallback = new LinkedHashSet<>();
        String id = v.id().toString();
        put(o, "id", id);
        put(o, "organization_id", organisationId(v.organisationId()).toString());
        put(o, "name", text(v, TextField.NAME, "name", fallback));
        put(o, "description", text(v, TextField.DESCRIPTION, "description", fallback));
        put(o, "url", v.url());
        put(o, "email", v.email());
        put(o, "status", "active");
        put(o, "application_process", text(v, TextField.REGISTRATION, "application_process", fallback));
        put(o, "fees_description", text(v, TextField.COST, "fees_description", fallback));
        String audience = text(v, TextField.AUDIENCE, "eligibility_description", fallback);
        String eligibility = text(v, TextField.ELIGIBILITY, "eligibility_description", fallback);
        put(o, "eligibility_description", audience == null ? eligibility
                : eligibility == null ? audience : audience + "\n" + eligibility);
        put(o, "assured_date", v.lastCheckedOn() == null ? null : v.lastCheckedOn().toString());
        put(o, "last_modified", v.updatedAt().toString());
        if (v.kind() == EntryKind.EVENT) {
            put(o, "starts_at", v.startsAt() == null ? null : eventTime(v.startsAt()));
            put(o, "ends_at", v.endsAt() == null ? null : eventTime(v.endsAt()));
        }
        if (full) {
            o.put("organization", partnership.organisation(v.organisationId())
                    .map(org -> organisationObject(org, false, PublicLanguage.IT))
                    .orElseGet(() -> organisationStub(v)));
            o.put("phones", v.phone() == null ? List.of() : List.of(phone(v)));
            o.put("contacts", v.email() == null ? List.of() : List.of(contact(v)));
            o.put("languages", v.languages().stream().map(code -> language(v, code, lang)).toList());
            o.put("schedules", schedules(v, fallback));
            o.put("required_documents", documents(v, fallback));
            o.put("cost_options", v.free() ? List.of(cost(v)) : List.of());
            o.put("service_at_locations", v.locations().stream().map(l -> serviceAtLocation(v, l, true)).toList());
            o.put("attributes", v.categories().stream().map(c -> attribute(v, c, lang)).toList());
        }
        o.put("lang", lang.tag());
        if (!fallback.isEmpty()) {
            o.put("lang_fallback", List.copyOf(fallback));
        }
        return o;
    }

    private Map<String, Object> serviceAtLocation(EntryView v, EntryView.Location l, boolean full) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "id", l.id().toString());
        put(o, "service_id", v.id().toString());
        put(o, "location_id", locationId(l).toString());
        put(o, "description", l.name());
        if (full) {
            o.put("location", location(l));
        }
        return o;
    }

    private static UUID locationId(EntryView.Location l) {
        return nameUuid("labimpact-directory-location:" + l.id());
    }

    private static Map<String, Object> location(EntryView.Location l) {
        Map<String, Object> o = new LinkedHashMap<>();
        String id = locationId(l).toString();
        put(o, "id", id);
        put(o, "location_type", "physical");
        put(o, "name", l.name() == null ? l.address() + ", " + l.comuneName() : l.name());
        put(o, "latitude", l.latitude());
        put(o, "longitude", l.longitude());
        put(o, "external_identifier", l.comuneIstat());
        put(o, "external_identifier_type", "ISTAT comune");
        Map<String, Object> a = new LinkedHashMap<>();
        put(a, "id", nameUuid("labimpact-directory-address:" + l.id()).toString());
        put(a, "location_id", id);
        put(a, "address_1", l.address());
        put(a, "city", l.comuneName());
        put(a, "region", "Lombardia");
        put(a, "state_province", l.provinceSigla() == null ? "" : l.provinceSigla());
        put(a, "postal_code", l.postalCode() == null ? "" : l.postalCode());
        put(a, "country", "IT");
        put(a, "address_type", "physical");
        o.put("addresses", List.of(a));
        return o;
    }

    private static Map<String, Object> phone(EntryView v) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "id", child(v, "phone").toString());
        put(o, "service_id", v.id().toString());
        put(o, "number", v.phone());
        return o;
    }

    private static Map<String, Object> contact(EntryView v) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "id", child(v, "contact").toString());
        put(o, "service_id", v.id().toString());
        put(o, "email", v.email());
        return o;
    }

    /** A language spoken at the desk, named in the language asked for. */
    private static Map<String, Object> language(EntryView v, String code, PublicLanguage lang) {
        Map<String, Object> o = new LinkedHashMap<>();
        Locale locale = Locale.forLanguageTag(code);
        put(o, "id", child(v, "language:" + code).toString());
        put(o, "service_id", v.id().toString());
        String name = locale.getDisplayLanguage(lang.locale());
        put(o, "name", name.isBlank() ? code : name);
        put(o, "code", code);
        return o;
    }

    private static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private List<Map<String, Object>> schedules(EntryView v, Set<String> fallback) {
        String note = text(v, TextField.HOURS_NOTE, "schedules", fallback);
        List<Map<String, Object>> list = new ArrayList<>();
        for (EntryData.Opening h : v.openings()) {
            Map<String, Object> o = new LinkedHashMap<>();
            put(o, "id", child(v, "opening:" + h.weekday() + ":" + h.opens()).toString());
            put(o, "service_id", v.id().toString());
            put(o, "freq", "WEEKLY");
            put(o, "wkst", "MO");
            put(o, "byday", BYDAY[h.weekday() - 1]);
            put(o, "opens_at", h.opens().toString());
            put(o, "closes_at", h.closes().toString());
            put(o, "description", note);
            list.add(o);
        }
        for (EntryData.Closure c : v.closures()) {
            Map<String, Object> o = new LinkedHashMap<>();
            put(o, "id", child(v, "closure:" + c.date()).toString());
            put(o, "service_id", v.id().toString());
            put(o, "valid_from", c.date().toString());
            put(o, "valid_to", c.date().toString());
            put(o, "dtstart", c.date().toString());
            put(o, "opens_at", c.opens() == null ? null : c.opens().toString());
            put(o, "closes_at", c.closes() == null ? null : c.closes().toString());
            put(o, "notes", c.note());
            o.put("closed", c.opens() == null);
            list.add(o);
        }
        if (v.kind() == EntryKind.EVENT && v.startsAt() != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            put(o, "id", child(v, "event").toString());
            put(o, "service_id", v.id().toString());
            put(o, "dtstart", eventTime(v.startsAt()));
            put(o, "until", v.endsAt() == null ? null : eventTime(v.endsAt()));
            put(o, "count", 1);
            put(o, "opens_at", v.startsAt().atZone(DirectoryEditorial.ZONE).toLocalTime().toString());
            put(o, "closes_at", v.endsAt() == null ? null
                    : v.endsAt().atZone(DirectoryEditorial.ZONE).toLocalTime().toString());
            put(o, "description", note);
            list.add(o);
        } else if (list.isEmpty() && note != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            put(o, "id", child(v, "hours-note").toString());
            put(o, "service_id", v.id().toString());
            put(o, "description", note);
            list.add(o);
        }
        return list;
    }

    private static List<Map<String, Object>> documents(EntryView v, Set<String> fallback) {
        String all = text(v, TextField.DOCUMENTS, "required_documents", fallback);
        if (all == null) {
            return List.of();
        }
        List<Map<String, Object>> list = new ArrayList<>();
        int i = 0;
        for (String d : all.split("[;؛\n]")) {
            if (!d.isBlank()) {
                Map<String, Object> o = new LinkedHashMap<>();
                put(o, "id", child(v, "document:" + i++).toString());
                put(o, "service_id", v.id().toString());
                put(o, "document", d.strip());
                list.add(o);
            }
        }
        return list;
    }

    private static Map<String, Object> cost(EntryView v) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "id", child(v, "cost").toString());
        put(o, "service_id", v.id().toString());
        put(o, "option", v.text(TextField.COST) == null ? "Gratuito" : v.text(TextField.COST).value());
        put(o, "currency", "EUR");
        put(o, "amount", 0);
        return o;
    }

    private Map<String, Object> attribute(EntryView v, DirectoryCategory c, PublicLanguage lang) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "id", child(v, "category:" + c.name()).toString());
        put(o, "link_id", v.id().toString());
        put(o, "link_type", "service");
        put(o, "link_entity", "service");
        put(o, "taxonomy_term_id", c.termId().toString());
        put(o, "value", c.name());
        o.put("taxonomy_term", term(c, lang));
        return o;
    }

    private Map<String, Object> organisationObject(OrganisationDetail org, boolean withServices, PublicLanguage lang) {
        Map<String, Object> o = new LinkedHashMap<>();
        String id = organisationId(org.summary().id()).toString();
        put(o, "id", id);
        put(o, "name", org.summary().name());
        put(o, "description", "Ente del partenariato Lab'Impact" + (org.summary().seatName() == null ? ""
                : ", sede a " + org.summary().seatName()
                        + (org.summary().provinceSigla() == null ? "" : " (" + org.summary().provinceSigla() + ")")));
        put(o, "website", blankToNull(org.data().website()));
        put(o, "lang", "it");
        if (withServices) {
            HsdsRepository.Query q = new HsdsRepository.Query(EntryKind.SERVICE, null, lang.tag(), null,
                    org.summary().id(), null, null, false);
            o.put("services", viewsOf(hsds.entryIds(q, 0, 1000), lang).stream().map(v -> entryObject(v, false, lang))
                    .toList());
        }
        return o;
    }

    private Map<String, Object> organisationStub(EntryView v) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "id", organisationId(v.organisationId()).toString());
        put(o, "name", v.organisationName());
        put(o, "description", "Ente del partenariato Lab'Impact");
        return o;
    }

    private static String taxonomyName() {
        return "Temi del programma Lab'Impact";
    }

    private static Map<String, Object> taxonomy() {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "id", TAXONOMY_ID.toString());
        put(o, "name", taxonomyName());
        put(o, "description", "I temi dell'informazione qualificata per le persone con background migratorio "
                + "(azione 03): lingua italiana, orientamento civico, lavoro, riconoscimento delle competenze, "
                + "documenti e permessi, famiglia, salute, scuola e giovani, casa, comunità, competenze digitali.");
        put(o, "version", "1");
        return o;
    }

    private Map<String, Object> term(DirectoryCategory c, PublicLanguage lang) {
        Map<String, Object> o = new LinkedHashMap<>();
        String name = messages.getMessage("category." + c.name(), null, c.name(), lang.locale());
        put(o, "id", c.termId().toString());
        put(o, "code", c.name());
        put(o, "name", name);
        put(o, "description", name);
        put(o, "taxonomy", taxonomyName());
        put(o, "taxonomy_id", TAXONOMY_ID.toString());
        put(o, "language", lang.tag());
        put(o, "lang", lang.tag());
        return o;
    }

    private static String text(EntryView v, TextField field, String hsdsField, Set<String> fallback) {
        LocalisedText t = v.text(field);
        if (t == null) {
            return null;
        }
        if (t.fallback()) {
            fallback.add(hsdsField);
        }
        return t.value();
    }

    private static String eventTime(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(DirectoryEditorial.ZONE).toOffsetDateTime());
    }

    private static UUID child(EntryView v, String what) {
        return nameUuid("labimpact-directory:" + v.id() + ":" + what);
    }

    static UUID nameUuid(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(Map<String, Object> o, String key, Object value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static <T> List<T> pageOf(List<T> all, int page, int perPage) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    private static boolean matches(String search, String value) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        Predicate<String> contains = w -> v.contains(w.toLowerCase(Locale.ROOT));
        return Arrays.stream(search.strip().split("\\s+")).allMatch(contains);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static RecordNotFoundException notFound(String what, String id) {
        return new RecordNotFoundException("HSDS " + what, id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
