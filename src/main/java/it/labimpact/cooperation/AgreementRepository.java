package it.labimpact.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the agreement tables. */
@Repository
class AgreementRepository {

    /** An agreement row, before the names of the partnership are added. */
    record AgreementRow(long id, AgreementKind kind, String title, String networkCode, LocalDate signedOn,
            LocalDate validFrom, LocalDate validTo, String scope, String createdBy, java.time.Instant updatedAt,
            int version, List<Long> parties, AgreementView.DocumentInfo document) {
    }

    private static final String SELECT = """
            select a.*, array(select organisation_id from cooperation_agreement_party p
                              where p.agreement_id = a.id order by organisation_id) as parties,
                   d.file_name, d.content_type, d.size_bytes, d.sha256, d.uploaded_by, d.uploaded_at
            from cooperation_agreement a left join cooperation_agreement_document d on d.agreement_id = a.id""";

    private final JdbcClient jdbc;

    AgreementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AgreementRow> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AgreementRepository::row).optional();
    }

    List<AgreementRow> list(AgreementQuery q, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + where(q, params) + " order by a.signed_on desc, a.id desc limit :limit offset :offset")
                .params(params).query(AgreementRepository::row).list();
    }

    long count(AgreementQuery q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from cooperation_agreement a" + where(q, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(AgreementQuery q, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (AgreementQuery.PROJECT.equals(q.network())) {
            where.add("a.network_code is null");
        } else if (q.network() != null && !q.network().isBlank()) {
            where.add("a.network_code = :network");
            params.put("network", q.network().strip());
        }
        if (q.kind() != null) {
            where.add("a.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.organisationId() != null) {
            where.add("exists (select 1 from cooperation_agreement_party p where p.agreement_id = a.id "
                    + "and p.organisation_id = :organisation)");
            params.put("organisation", q.organisationId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.add("(a.title ilike :text or a.scope ilike :text)");
            params.put("text", "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (q.inForceOn() != null) {
            where.add("a.valid_from <= :day and (a.valid_to is null or a.valid_to >= :day)");
            params.put("day", q.inForceOn());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    long insert(AgreementData d, String by) {
        return jdbc.sql("""
                insert into cooperation_agreement (kind, title, network_code, signed_on, valid_from, valid_to, scope,
                    created_by)
                values (:kind, :title, :network, :signed, :from, :to, :scope, :by) returning id""")
                .params(params(d)).param("by", by).query(Long.class).single();
    }

    /** Updates when the version matches; returns the rows changed (0 = somebody else changed it). */
    int update(long id, int version, AgreementData d) {
        return jdbc.sql("""
                update cooperation_agreement set kind = :kind, title = :title, network_code = :network,
                    signed_on = :signed, valid_from = :from, valid_to = :to, scope = :scope,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .params(params(d)).param("id", id).param("version", version).update();
    }

    void replaceParties(long id, List<Long> parties) {
        jdbc.sql("delete from cooperation_agreement_party where agreement_id = :id").param("id", id).update();
        for (Long party : parties) {
            jdbc.sql("insert into cooperation_agreement_party (agreement_id, organisation_id) values (:id, :org)")
                    .param("id", id).param("org", party).update();
        }
    }

    /** Attaches the document, replacing the previous one; bumps the agreement's version. */
    int saveDocument(long id, int version, String fileName, String contentType, byte[] content, String sha256,
            String by) {
        int changed = jdbc.sql("""
                update cooperation_agreement set version = version + 1, updated_at = now()
                where id = :id and version = :version""").param("id", id).param("version", version).update();
        if (changed == 1) {
            jdbc.sql("""
                    insert into cooperation_agreement_document (agreement_id, file_name, content_type, size_bytes,
                        sha256, content, uploaded_by)
                    values (:id, :name, :type, :size, :sha, :content, :by)
                    on conflict (agreement_id) do update set file_name = excluded.file_name,
                        content_type = excluded.content_type, size_bytes = excluded.size_bytes,
                        sha256 = excluded.sha256, content = excluded.content, uploaded_by = excluded.uploaded_by,
                        uploaded_at = now()""")
                    .param("id", id).param("name", fileName).param("type", contentType).param("size", content.length)
                    .param("sha", sha256).param("content", content).param("by", by).update();
        }
        return changed;
    }

    Optional<AgreementDocument> document(long id) {
        return jdbc.sql("select file_name, content_type, content from cooperation_agreement_document "
                + "where agreement_id = :id").param("id", id)
                .query((rs, n) -> new AgreementDocument(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private static Map<String, Object> params(AgreementData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", d.kind().name());
        p.put("title", d.title().strip());
        p.put("network", d.network());
        p.put("signed", d.signedOn());
        p.put("from", d.validFrom());
        p.put("to", d.validTo());
        p.put("scope", d.scope() == null || d.scope().isBlank() ? null : d.scope().strip());
        return p;
    }

    private static AgreementRow row(ResultSet rs, int n) throws SQLException {
        Long[] parties = (Long[]) rs.getArray("parties").getArray();
        String file = rs.getString("file_name");
        Timestamp uploaded = rs.getTimestamp("uploaded_at");
        AgreementView.DocumentInfo document = file == null ? null : new AgreementView.DocumentInfo(file,
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), uploaded.toInstant());
        return new AgreementRow(rs.getLong("id"), AgreementKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("network_code"), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("scope"), rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"), List.of(parties), document);
    }
}
