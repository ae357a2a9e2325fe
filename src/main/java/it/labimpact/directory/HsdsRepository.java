package it.labimpact.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries of the HSDS API: published entries and their places, filtered and paged, and the data's freshness. */
@Repository
class HsdsRepository {

    /**
     * What a list asks for; {@code null} parts do not filter. {@code nothing} is a filter no entry passes (an id
     * that names nothing of ours).
     *
     * @param categories entries with any of these categories ({@code null}: any entry, even without one)
     */
    record Query(EntryKind kind, List<String> words, String lang, List<DirectoryCategory> categories,
            Long organisationId, Instant modifiedAfter, String postcode, boolean nothing) {
    }

    /** The moment the published data last changed, the day it was last checked and how many entries are public. */
    record Freshness(Instant lastModified, LocalDate lastChecked, long published) {
    }

    private final JdbcClient jdbc;

    HsdsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Over every entry ever published (an unpublished one changes the lists too): the latest change and check, and
     * how many are published now.
     */
    Freshness freshness() {
        return jdbc.sql("""
                select max(updated_at) as changed, max(last_checked_on) as checked,
                    count(*) filter (where status = 'PUBLISHED') as published
                from directory_entry where published_at is not null""")
                .query((rs, n) -> new Freshness(
                        rs.getTimestamp("changed") == null ? Instant.EPOCH : rs.getTimestamp("changed").toInstant(),
                        rs.getObject("checked", LocalDate.class), rs.getLong("published")))
                .single();
    }

    long countEntries(Query q) {
        if (q.nothing()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from directory_entry e" + where(q, params)).params(params).query(Long.class)
                .single();
    }

    /** Published entries, services by Italian name, events by start. */
    List<UUID> entryIds(Query q, long offset, int limit) {
        if (q.nothing()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        String order = q.kind() == EntryKind.EVENT ? " order by e.starts_at, e.id"
                : " order by (select lower(value) from directory_text t where t.entry_id = e.id and t.lang = 'it'"
                        + " and t.field = 'name'), e.id";
        return jdbc.sql("select e.id from directory_entry e" + where(q, params) + order
                + " limit :limit offset :offset").params(params).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    long countPlaces(Query q) {
        if (q.nothing()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from directory_location l join directory_entry e on e.id = l.entry_id"
                + where(q, params) + postcode(q, params)).params(params).query(Long.class).single();
    }

    /** Places of published entries: each is an HSDS service_at_location, by entry then position. */
    List<UUID> placeIds(Query q, long offset, int limit) {
        if (q.nothing()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select l.id from directory_location l join directory_entry e on e.id = l.entry_id"
                + where(q, params) + postcode(q, params) + " order by e.id, l.position limit :limit offset :offset")
                .params(params).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** The entry of a place, when that entry is published and of the kind. */
    java.util.Optional<UUID> entryOfPlace(UUID placeId, EntryKind kind) {
        return jdbc.sql("""
                select e.id from directory_location l join directory_entry e on e.id = l.entry_id
                where l.id = :id and e.status = 'PUBLISHED' and e.kind = :kind""")
                .param("id", placeId).param("kind", kind.name()).query(UUID.class).optional();
    }

    /** The organisations with at least one published entry of the kind. */
    List<Long> organisations(EntryKind kind) {
        return jdbc.sql("""
                select distinct organisation_id from directory_entry
                where status = 'PUBLISHED' and kind = :kind order by organisation_id""")
                .param("kind", kind.name()).query(Long.class).list();
    }

    private static String postcode(Query q, Map<String, Object> params) {
        if (q.postcode() == null) {
            return "";
        }
        params.put("postcode", q.postcode());
        return " and l.postal_code = :postcode";
    }

    private static String where(Query q, Map<String, Object> params) {
        List<String> c = new ArrayList<>();
        c.add("e.status = 'PUBLISHED'");
        c.add("e.kind = :kind");
        params.put("kind", q.kind().name());
        if (q.categories() != null) {
            c.add("exists (select 1 from directory_entry_category c where c.entry_id = e.id and c.category = any(:categories))");
            params.put("categories", q.categories().stream().map(Enum::name).toArray(String[]::new));
        }
        if (q.organisationId() != null) {
            c.add("e.organisation_id = :org");
            params.put("org", q.organisationId());
        }
        if (q.modifiedAfter() != null) {
            c.add("e.updated_at >= :modifiedAfter");
            params.put("modifiedAfter", Timestamp.from(q.modifiedAfter()));
        }
        if (q.words() != null) {
            params.put("textLang", q.lang() == null ? "it" : q.lang());
            for (int i = 0; i < q.words().size(); i++) {
                c.add("exists (select 1 from directory_text t where t.entry_id = e.id and t.lang in ('it', :textLang)"
                        + " and (t.lang = 'it' or t.state = 'REVIEWED') and t.value ilike :w" + i + " escape '\\')");
                params.put("w" + i, "%" + DirectoryRepository.likeEscape(q.words().get(i)) + "%");
            }
        }
        return " where " + String.join(" and ", c);
    }
}
