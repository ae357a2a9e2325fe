package it.labimpact.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the needs and their status history. */
@Repository
class NeedRepository {

    /** A need row, before names from other modules are added. */
    record NeedRow(long id, String networkCode, NeedTheme theme, String comuneIstat, Long organisationId,
            NeedRaiserKind kind, LocalDate raisedOn, String description, String evidence, String evidenceLink,
            NeedStatus status, String response, String createdBy, Instant statusChangedAt, int version) {
    }

    /** Needs raised in one quarter for one theme and network. */
    record Count(NeedTheme theme, String networkCode, NeedQuarter quarter, long count) {
    }

    /** Filters as SQL needs them; {@code scope} is the one network a network-scoped actor reads. */
    record Filter(String scope, String network, NeedTheme theme, NeedStatus status, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;

    NeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NeedRow> need(long id) {
        return jdbc.sql("select * from cooperation_need where id = :id").param("id", id)
                .query(NeedRepository::need).optional();
    }

    long count(Filter f) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from cooperation_need" + where(f, params)).params(params)
                .query(Long.class).single();
    }

    List<NeedRow> needs(Filter f, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from cooperation_need" + where(f, params)
                + " order by raised_on desc, id desc limit :limit offset :offset")
                .params(params).query(NeedRepository::need).list();
    }

    long insert(NeedData d, String createdBy) {
        return jdbc.sql("""
                insert into cooperation_need (network_code, theme, comune_istat, raised_by_organisation_id,
                    raised_by_kind, raised_on, description, evidence, evidence_link, created_by)
                values (:network, :theme, :comune, :org, :kind, :raised, :description, :evidence, :link, :by)
                returning id""")
                .param("network", d.networkCode().strip()).param("theme", d.theme().name())
                .param("comune", blankToNull(d.comuneIstat())).param("org", d.raisedByOrganisationId())
                .param("kind", d.raisedByKind() == null ? null : d.raisedByKind().name())
                .param("raised", d.raisedOn()).param("description", d.description().strip())
                .param("evidence", blankToNull(d.evidence())).param("link", blankToNull(d.evidenceLink()))
                .param("by", createdBy).query(Long.class).single();
    }

    /** Changes the status when the version matches; returns the rows changed (0 = somebody else changed it). */
    int updateStatus(long id, int version, NeedStatus status, String response) {
        return jdbc.sql("""
                update cooperation_need set status = :status, response = :response, status_changed_at = now(),
                    version = version + 1
                where id = :id and version = :version""")
                .param("id", id).param("version", version).param("status", status.name())
                .param("response", response).update();
    }

    void insertChange(long needId, NeedStatus status, String response, String by) {
        jdbc.sql("""
                insert into cooperation_need_status_change (need_id, status, response, changed_by)
                values (:id, :status, :response, :by)""")
                .param("id", needId).param("status", status.name()).param("response", response).param("by", by)
                .update();
    }

    List<NeedView.Change> history(long needId) {
        return jdbc.sql("select * from cooperation_need_status_change where need_id = :id order by id")
                .param("id", needId)
                .query((rs, n) -> new NeedView.Change(NeedStatus.valueOf(rs.getString("status")),
                        rs.getString("response"), rs.getString("changed_by"), instant(rs.getTimestamp("changed_at"))))
                .list();
    }

    /** Needs raised between two days, counted by theme, network and quarter. */
    List<Count> counts(String network, NeedStatus status, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select theme, network_code, extract(year from raised_on)::int as y,
                    extract(quarter from raised_on)::int as q, count(*) as n
                from cooperation_need
                where raised_on between :from and :to
                  and (cast(:network as text) is null or network_code = :network)
                  and (cast(:status as text) is null or status = :status)
                group by 1, 2, 3, 4""")
                .param("from", from).param("to", to).param("network", network)
                .param("status", status == null ? null : status.name())
                .query((rs, n) -> new Count(NeedTheme.valueOf(rs.getString("theme")), rs.getString("network_code"),
                        new NeedQuarter(rs.getInt("y"), rs.getInt("q")), rs.getLong("n")))
                .list();
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (f.scope() != null) {
            where.add("network_code = :scope");
            params.put("scope", f.scope());
        }
        if (f.network() != null) {
            where.add("network_code = :network");
            params.put("network", f.network());
        }
        if (f.theme() != null) {
            where.add("theme = :theme");
            params.put("theme", f.theme().name());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.from() != null) {
            where.add("raised_on >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("raised_on <= :to");
            params.put("to", f.to());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static NeedRow need(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("raised_by_kind");
        return new NeedRow(rs.getLong("id"), rs.getString("network_code"), NeedTheme.valueOf(rs.getString("theme")),
                rs.getString("comune_istat"), rs.getObject("raised_by_organisation_id", Long.class),
                kind == null ? null : NeedRaiserKind.valueOf(kind), rs.getObject("raised_on", LocalDate.class),
                rs.getString("description"), rs.getString("evidence"), rs.getString("evidence_link"),
                NeedStatus.valueOf(rs.getString("status")), rs.getString("response"), rs.getString("created_by"),
                instant(rs.getTimestamp("status_changed_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
