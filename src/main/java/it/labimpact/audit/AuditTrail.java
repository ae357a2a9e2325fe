package it.labimpact.audit;

import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Writes and searches the append-only audit trail. */
@Service
public class AuditTrail {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action by the current actor (or {@code system} outside a request). */
    public void record(String action, String recordType, Object recordId, Map<String, ?> details) {
        String actor = Actor.current().map(Actor::username).orElse("system");
        recordAs(actor, action, recordType, recordId, details);
    }

    /** Records an action by a named actor, e.g. a login attempt before anyone is authenticated. */
    public void recordAs(String actor, String action, String recordType, Object recordId, Map<String, ?> details) {
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                insert into audit_event (actor, action, record_type, record_id, details, ip, user_agent)
                values (:actor, :action, :type, :id, cast(:details as jsonb), cast(:ip as inet), :agent)""")
                .param("actor", actor)
                .param("action", action)
                .param("type", recordType)
                .param("id", recordId == null ? null : recordId.toString())
                .param("details", details == null || details.isEmpty() ? null : json.writeValueAsString(details))
                .param("ip", request == null ? null : request.getRemoteAddr())
                .param("agent", request == null ? null : truncate(request.getHeader("User-Agent")))
                .update();
    }

    /**
     * An entry to record later with {@link #recordAll}: the actor is taken when it is made; the record id is read
     * (its {@code toString()}) when it is recorded, so it may stand for an id known only then.
     */
    public record Entry(String actor, String action, String recordType, Object recordId, Map<String, ?> details) {
    }

    /** An entry by the current actor (or {@code system}), as {@link #record} would write it, to record later. */
    public Entry entry(String action, String recordType, Object recordId, Map<String, ?> details) {
        return new Entry(Actor.current().map(Actor::username).orElse("system"), action, recordType, recordId, details);
    }

    /** Records entries in one statement, in their order (ids ascending as given): a set-based upload's. */
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        HttpServletRequest request = currentRequest();
        int n = entries.size();
        String[] actors = new String[n];
        String[] actions = new String[n];
        String[] types = new String[n];
        String[] ids = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            actors[i] = e.actor();
            actions[i] = e.action();
            types[i] = e.recordType();
            ids[i] = e.recordId() == null ? null : e.recordId().toString();
            details[i] = e.details() == null || e.details().isEmpty() ? null : json.writeValueAsString(e.details());
        }
        jdbc.sql("""
                insert into audit_event (actor, action, record_type, record_id, details, ip, user_agent)
                select t.actor, t.action, t.type, t.id, cast(t.details as jsonb), cast(:ip as inet), :agent
                from unnest(cast(:actors as text[]), cast(:actions as text[]), cast(:types as text[]),
                    cast(:ids as text[]), cast(:details as text[])) with ordinality as t(actor, action, type, id, details, n)
                order by t.n""")
                .param("actors", actors).param("actions", actions).param("types", types).param("ids", ids)
                .param("details", details)
                .param("ip", request == null ? null : request.getRemoteAddr())
                .param("agent", request == null ? null : truncate(request.getHeader("User-Agent")))
                .update();
    }

    /** Searches the trail, newest first. */
    public PageResponse<AuditEntry> search(AuditQuery q, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (notBlank(q.actor())) {
            where.add("actor = :actor");
            params.put("actor", q.actor().strip().toLowerCase());
        }
        if (notBlank(q.action())) {
            where.add("action like :action");
            params.put("action", q.action().strip() + "%");
        }
        if (notBlank(q.recordType())) {
            where.add("record_type = :type");
            params.put("type", q.recordType().strip());
        }
        if (notBlank(q.recordId())) {
            where.add("record_id = :rid");
            params.put("rid", q.recordId().strip());
        }
        if (q.from() != null) {
            where.add("at >= :from");
            params.put("from", q.from().atStartOfDay(ROME).toOffsetDateTime());
        }
        if (q.to() != null) {
            where.add("at < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay(ROME).toOffsetDateTime());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from audit_event" + filter).params(params).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("""
                select id, at, actor, action, record_type, record_id, details::text as details, host(ip) as ip
                from audit_event""" + filter + " order by id desc limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("record_type"),
                        rs.getString("record_id"), rs.getString("details"), rs.getString("ip")))
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest() : null;
    }
}
