package it.labimpact.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the directory's tables. */
@Repository
class DirectoryRepository {

    /** An entry row, before texts, places and names from other modules are added. */
    record EntryRow(UUID id, EntryKind kind, String networkCode, long organisationId, EntryStatus status, boolean free,
            List<String> languages, String email, String phone, String url, Instant startsAt, Instant endsAt,
            LocalDate lastCheckedOn, String lastCheckedBy, Instant updatedAt, int version) {
    }

    record TextRow(UUID entryId, TextField field, String lang, String value, TranslationState state) {
    }

    record LocationRow(UUID id, UUID entryId, String name, String address, String postalCode, String comuneIstat,
            double latitude, double longitude) {
    }

    /** A place as stored: coordinates always present (the comune's centroid when none was given). */
    record PlaceData(String name, String address, String postalCode, String comuneIstat, double latitude,
            double longitude) {
    }

    /**
     * Filters for lists; {@code network} and {@code organisationId} scope an editor, {@code staleBefore} keeps
     * published entries last checked before that day, {@code near} with {@code lat}/{@code lon} keeps entries with a
     * place within {@code radiusKm}.
     */
    record Filter(EntryKind kind, EntryStatus status, String network, Long organisationId, LocalDate staleBefore,
            DirectoryCategory category, String language, List<String> words, String textLang, Double lat, Double lon,
            Double radiusKm, Instant endingAfter) {
    }

    /** An entry found, with its distance from the searched point when there is one. */
    record Hit(UUID id, Double distanceKm) {
    }

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- one entry ---

    Optional<EntryRow> entry(UUID id) {
        return jdbc.sql("select * from directory_entry where id = :id").param("id", id)
                .query(DirectoryRepository::entry).optional();
    }

    List<EntryRow> entries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from directory_entry where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query(DirectoryRepository::entry).list();
    }

    Map<UUID, List<DirectoryCategory>> categories(Collection<UUID> ids) {
        Map<UUID, List<DirectoryCategory>> byEntry = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select entry_id, category from directory_entry_category where entry_id = any(:ids) order by category")
                    .param("ids", ids.toArray(UUID[]::new))
                    .query((rs, n) -> byEntry.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(DirectoryCategory.valueOf(rs.getString(2)))).list();
        }
        byEntry.values().forEach(l -> l.sort(null));
        return byEntry;
    }

    /** Texts of the entries in Italian and in {@code lang} ({@code null}: every language). */
    List<TextRow> texts(Collection<UUID> ids, String lang, Collection<TextField> fields) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select entry_id, field, lang, value, state from directory_text
                where entry_id = any(:ids) and field = any(:fields) and (cast(:lang as text) is null or lang in ('it', :lang))""")
                .param("ids", ids.toArray(UUID[]::new)).param("lang", lang)
                .param("fields", fields.stream().map(TextField::column).toArray(String[]::new))
                .query((rs, n) -> new TextRow(rs.getObject("entry_id", UUID.class), TextField.ofColumn(rs.getString("field")),
                        rs.getString("lang"), rs.getString("value"), TranslationState.valueOf(rs.getString("state"))))
                .list();
    }

    List<LocationRow> locations(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from directory_location where entry_id = any(:ids) order by entry_id, position")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new LocationRow(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                        rs.getString("name"), rs.getString("address"), rs.getString("postal_code"),
                        rs.getString("comune_istat"), rs.getDouble("latitude"), rs.getDouble("longitude")))
                .list();
    }

    List<EntryData.Opening> openings(UUID id) {
        return jdbc.sql("select weekday, opens, closes from directory_opening where entry_id = :id order by weekday, opens")
                .param("id", id).query((rs, n) -> new EntryData.Opening(rs.getInt(1), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class))).list();
    }

    List<EntryData.Closure> closures(UUID id) {
        return jdbc.sql("select on_date, opens, closes, note from directory_closure where entry_id = :id order by on_date")
                .param("id", id).query((rs, n) -> new EntryData.Closure(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class), rs.getString(4))).list();
    }

    // --- changes ---

    void insert(UUID id, EntryData d, String network, String by) {
        jdbc.sql("""
                insert into directory_entry (id, kind, network_code, organisation_id, free, languages, email, phone, url,
                    starts_at, ends_at, created_by)
                values (:id, :kind, :network, :org, :free, :languages, :email, :phone, :url, :starts, :ends, :by)""")
                .params(columns(d)).param("id", id).param("kind", d.kind().name()).param("network", network)
                .param("by", by).update();
    }

    /** The entry drafted from a registry activity, if any. */
    Optional<UUID> entryForActivity(long activityId) {
        return jdbc.sql("select id from directory_entry where activity_id = :a").param("a", activityId)
                .query(UUID.class).optional();
    }

    void linkActivity(UUID id, long activityId) {
        jdbc.sql("update directory_entry set activity_id = :a where id = :id").param("a", activityId).param("id", id)
                .update();
    }

    /** Changes the entry when the version matches; 0 rows = somebody else changed it. */
    int update(UUID id, int version, EntryData d) {
        return jdbc.sql("""
                update directory_entry set organisation_id = :org, free = :free, languages = :languages, email = :email,
                    phone = :phone, url = :url, starts_at = :starts, ends_at = :ends, updated_at = now(),
                    version = version + 1
                where id = :id and version = :version""")
                .params(columns(d)).param("id", id).param("version", version).update();
    }

    private static Map<String, Object> columns(EntryData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", d.organisationId());
        p.put("free", d.free());
        p.put("languages", d.languages().toArray(String[]::new));
        p.put("email", blankToNull(d.email()));
        p.put("phone", blankToNull(d.phone()));
        p.put("url", blankToNull(d.url()));
        p.put("starts", d.startsAt() == null ? null : Timestamp.from(DirectoryEditorial.instant(d.startsAt())));
        p.put("ends", d.endsAt() == null ? null : Timestamp.from(DirectoryEditorial.instant(d.endsAt())));
        return p;
    }

    void replaceDetails(UUID id, EntryData d, List<PlaceData> places) {
        jdbc.sql("delete from directory_entry_category where entry_id = :id").param("id", id).update();
        for (DirectoryCategory c : d.categories()) {
            jdbc.sql("insert into directory_entry_category (entry_id, category) values (:id, :c)").param("id", id)
                    .param("c", c.name()).update();
        }
        jdbc.sql("delete from directory_location where entry_id = :id").param("id", id).update();
        int position = 0;
        for (PlaceData p : places) {
            jdbc.sql("""
                    insert into directory_location (id, entry_id, position, name, address, postal_code, comune_istat,
                        latitude, longitude)
                    values (:lid, :id, :pos, :name, :address, :postal, :comune, :lat, :lon)""")
                    .param("lid", UUID.randomUUID()).param("id", id).param("pos", position++)
                    .param("name", blankToNull(p.name())).param("address", p.address().strip())
                    .param("postal", blankToNull(p.postalCode())).param("comune", p.comuneIstat())
                    .param("lat", p.latitude()).param("lon", p.longitude()).update();
        }
        jdbc.sql("delete from directory_opening where entry_id = :id").param("id", id).update();
        for (EntryData.Opening o : d.openings()) {
            jdbc.sql("insert into directory_opening (id, entry_id, weekday, opens, closes) values (:oid, :id, :d, :o, :c)")
                    .param("oid", UUID.randomUUID()).param("id", id).param("d", o.weekday()).param("o", o.opens())
                    .param("c", o.closes()).update();
        }
        jdbc.sql("delete from directory_closure where entry_id = :id").param("id", id).update();
        for (EntryData.Closure c : d.closures()) {
            jdbc.sql("""
                    insert into directory_closure (id, entry_id, on_date, opens, closes, note)
                    values (:cid, :id, :d, :o, :c, :note)""")
                    .param("cid", UUID.randomUUID()).param("id", id).param("d", c.date()).param("o", c.opens())
                    .param("c", c.closes()).param("note", blankToNull(c.note())).update();
        }
    }

    void saveText(UUID id, TextField field, String lang, String value, TranslationState state, String by) {
        if (value == null || value.isBlank()) {
            jdbc.sql("delete from directory_text where entry_id = :id and field = :f and lang = :lang").param("id", id)
                    .param("f", field.column()).param("lang", lang).update();
            return;
        }
        jdbc.sql("""
                insert into directory_text (entry_id, field, lang, value, state, updated_by)
                values (:id, :f, :lang, :value, :state, :by)
                on conflict (entry_id, field, lang) do update set value = excluded.value, state = excluded.state,
                    updated_by = excluded.updated_by, updated_at = now()""")
                .param("id", id).param("f", field.column()).param("lang", lang).param("value", value.strip())
                .param("state", state.name()).param("by", by).update();
    }

    /** Moves the entry to {@code status} when the version matches; publishing also checks it today. */
    int changeStatus(UUID id, int version, EntryStatus status, LocalDate today, String by) {
        return jdbc.sql("""
                update directory_entry set status = :status, version = version + 1, updated_at = now(),
                    published_at = case when :status = 'PUBLISHED' then now() else published_at end,
                    last_checked_on = case when :status = 'PUBLISHED' then :today else last_checked_on end,
                    last_checked_by = case when :status = 'PUBLISHED' then :by else last_checked_by end
                where id = :id and version = :version""")
                .param("id", id).param("version", version).param("status", status.name()).param("today", today)
                .param("by", by).update();
    }

    int confirm(UUID id, int version, LocalDate today, String by) {
        return jdbc.sql("""
                update directory_entry set last_checked_on = :today, last_checked_by = :by, version = version + 1
                where id = :id and version = :version""")
                .param("id", id).param("version", version).param("today", today).param("by", by).update();
    }

    /** Bumps the version (a translation saved), when it matches. */
    int touch(UUID id, int version) {
        return jdbc.sql("update directory_entry set version = version + 1, updated_at = now() where id = :id and version = :version")
                .param("id", id).param("version", version).update();
    }

    // --- lists ---

    long count(Filter f) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from directory_entry e" + where(f, params)).params(params)
                .query(Long.class).single();
    }

    /** Editors' lists: latest changed first. */
    List<UUID> ids(Filter f, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select e.id from directory_entry e" + where(f, params)
                + " order by e.updated_at desc, e.id limit :limit offset :offset")
                .params(params).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** Public search: nearest first when a point is given, events by start, otherwise by name. */
    List<Hit> search(Filter f, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        String distance = f.lat() == null ? "cast(null as double precision)" : "(" + DISTANCE + ")";
        String sql = "select e.id, (select min(" + distance + ") from directory_location l where l.entry_id = e.id) as km"
                + " from directory_entry e" + where(f, params)
                + (f.lat() != null ? " order by km nulls last, e.starts_at nulls last, e.id"
                : f.kind() == EntryKind.EVENT ? " order by e.starts_at, e.id"
                : " order by (select lower(value) from directory_text t where t.entry_id = e.id and t.lang = 'it' and t.field = 'name'), e.id")
                + " limit :limit offset :offset";
        return jdbc.sql(sql).params(params).query((rs, n) -> new Hit(rs.getObject(1, UUID.class),
                rs.getObject(2) == null ? null : rs.getDouble(2))).list();
    }

    /** Published entries with their last change, for the sitemap. */
    List<Map.Entry<UUID, Instant>> published(EntryKind kind) {
        return jdbc.sql("select id, updated_at from directory_entry where status = 'PUBLISHED' and kind = :kind order by id")
                .param("kind", kind.name()).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant())).list();
    }

    /** Haversine distance in km between a place {@code l} and the point {@code :lat}, {@code :lon}. */
    private static final String DISTANCE = """
            6371 * 2 * asin(sqrt(power(sin(radians(l.latitude - :lat) / 2), 2)
                + cos(radians(:lat)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - :lon) / 2), 2)))""";

    private static String where(Filter f, Map<String, Object> params) {
        List<String> c = new ArrayList<>();
        if (f.kind() != null) {
            c.add("e.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            c.add("e.status = :status");
            params.put("status", f.status().name());
        }
        if (f.network() != null) {
            c.add("e.network_code = :network");
            params.put("network", f.network());
        }
        if (f.organisationId() != null) {
            c.add("e.organisation_id = :org");
            params.put("org", f.organisationId());
        }
        if (f.staleBefore() != null) {
            c.add("e.status = 'PUBLISHED' and e.last_checked_on < :staleBefore");
            params.put("staleBefore", f.staleBefore());
        }
        if (f.category() != null) {
            c.add("exists (select 1 from directory_entry_category c where c.entry_id = e.id and c.category = :category)");
            params.put("category", f.category().name());
        }
        if (f.language() != null) {
            c.add(":language = any(e.languages)");
            params.put("language", f.language());
        }
        if (f.endingAfter() != null) {
            c.add("coalesce(e.ends_at, e.starts_at) >= :endingAfter");
            params.put("endingAfter", Timestamp.from(f.endingAfter()));
        }
        if (f.words() != null) {
            params.put("textLang", f.textLang() == null ? "it" : f.textLang());
            for (int i = 0; i < f.words().size(); i++) {
                c.add("exists (select 1 from directory_text t where t.entry_id = e.id and t.lang in ('it', :textLang)"
                        + " and t.value ilike :w" + i + " escape '\\')");
                params.put("w" + i, "%" + likeEscape(f.words().get(i)) + "%");
            }
        }
        if (f.lat() != null) {
            c.add("exists (select 1 from directory_location l where l.entry_id = e.id and " + DISTANCE + " <= :radius)");
            params.put("lat", f.lat());
            params.put("lon", f.lon());
            params.put("radius", f.radiusKm());
        }
        return c.isEmpty() ? "" : " where " + String.join(" and ", c);
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static EntryRow entry(ResultSet rs, int n) throws SQLException {
        Array languages = rs.getArray("languages");
        Timestamp starts = rs.getTimestamp("starts_at");
        Timestamp ends = rs.getTimestamp("ends_at");
        return new EntryRow(rs.getObject("id", UUID.class), EntryKind.valueOf(rs.getString("kind")),
                rs.getString("network_code"), rs.getLong("organisation_id"), EntryStatus.valueOf(rs.getString("status")),
                rs.getBoolean("free"), Arrays.asList((String[]) languages.getArray()), rs.getString("email"),
                rs.getString("phone"), rs.getString("url"), starts == null ? null : starts.toInstant(),
                ends == null ? null : ends.toInstant(), rs.getObject("last_checked_on", LocalDate.class),
                rs.getString("last_checked_by"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
