package it.labimpact.partnership;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the partnership tables. */
@Repository
class PartnershipRepository {

    /** A network row with its covered comuni codes, before territory figures are added. */
    record NetworkRow(long id, String code, int ordinal, String name, long leadId, String leadName, int members,
            int version, List<String> comuni) {
    }

    /** An organisation row. */
    record OrganisationRow(long id, OrganisationData data, String projectRole, boolean demo, int version,
            List<String> networks) {
    }

    private static final String NETWORK_SELECT = """
            select n.id, n.code, n.ordinal, n.name, n.lead_organisation_id, o.name as lead_name, n.version,
                   (select count(*) from partnership_membership m where m.network_id = n.id
                        and (m.until is null or m.until >= current_date)) as members,
                   array(select c.istat_code::text from partnership_network_comune c where c.network_id = n.id
                        order by c.istat_code) as comuni
            from partnership_network n join partnership_organisation o on o.id = n.lead_organisation_id""";

    private static final String ORGANISATION_SELECT = """
            select o.*, array(select n.code from partnership_membership m
                                join partnership_network n on n.id = m.network_id
                              where m.organisation_id = o.id order by n.ordinal) as networks
            from partnership_organisation o""";

    private final JdbcClient jdbc;

    PartnershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partnership's generation: raised by every change of its tables (migration V9_5). */
    long generation() {
        return jdbc.sql("select generation from partnership_state").query(Long.class).single();
    }

    List<NetworkRow> networks() {
        return jdbc.sql(NETWORK_SELECT + " order by n.ordinal").query(PartnershipRepository::network).list();
    }

    Optional<NetworkRow> network(String code) {
        return jdbc.sql(NETWORK_SELECT + " where n.code = :code").param("code", code)
                .query(PartnershipRepository::network).optional();
    }

    Optional<Long> networkId(String code) {
        return jdbc.sql("select id from partnership_network where code = :code").param("code", code)
                .query(Long.class).optional();
    }

    List<Member> members(long networkId) {
        return jdbc.sql("""
                select m.id, m.organisation_id, o.name, o.kind, m.role, m.since, m.until, m.version
                from partnership_membership m join partnership_organisation o on o.id = m.organisation_id
                where m.network_id = :network
                order by case m.role when 'LEAD' then 0 when 'PARTNER' then 1 else 2 end, o.name""")
                .param("network", networkId).query(PartnershipRepository::member).list();
    }

    /**
     * Up to {@code limit} organisations whose name contains {@code text} (case-insensitive) and that have no
     * membership in the network, ended or not (the rule {@link #isMember} applies when adding), by name.
     */
    List<MemberCandidate> memberCandidates(long networkId, String text, int limit) {
        return jdbc.sql("""
                select o.id, o.name, o.kind from partnership_organisation o
                where o.name ilike :text escape '\\'
                  and not exists (select 1 from partnership_membership m
                                  where m.network_id = :network and m.organisation_id = o.id)
                order by lower(o.name), o.id limit :limit""")
                .param("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%")
                .param("network", networkId).param("limit", limit)
                .query((rs, i) -> new MemberCandidate(rs.getLong("id"), rs.getString("name"),
                        OrganisationKind.valueOf(rs.getString("kind"))))
                .list();
    }

    Map<String, String> comuneSources(long networkId) {
        Map<String, String> sources = new HashMap<>();
        jdbc.sql("select istat_code, source from partnership_network_comune where network_id = :id")
                .param("id", networkId).query((ResultSet rs) -> {
                    sources.put(rs.getString(1), rs.getString(2));
                });
        return sources;
    }

    /** ISTAT code → code of the network that covers it. */
    Map<String, String> coveringNetworks(Collection<String> istatCodes) {
        Map<String, String> covering = new HashMap<>();
        jdbc.sql("""
                select c.istat_code, n.code from partnership_network_comune c
                join partnership_network n on n.id = c.network_id where c.istat_code = any(:codes)""")
                .param("codes", istatCodes.toArray(String[]::new)).query((ResultSet rs) -> {
                    covering.put(rs.getString(1), rs.getString(2));
                });
        return covering;
    }

    /** Code → name of every network, in the networks' order. */
    Map<String, String> networkNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, name from partnership_network order by ordinal")
                .query((ResultSet rs) -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    Map<String, String> coverage() {
        Map<String, String> covering = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select c.istat_code, n.code from partnership_network_comune c
                join partnership_network n on n.id = c.network_id order by n.ordinal, c.istat_code""")
                .query((ResultSet rs) -> {
                    covering.put(rs.getString(1), rs.getString(2));
                });
        return covering;
    }

    List<OrganisationDetail.Membership> memberships(long organisationId) {
        return jdbc.sql("""
                select n.code, n.name, m.role, m.since, m.until
                from partnership_membership m join partnership_network n on n.id = m.network_id
                where m.organisation_id = :org order by n.ordinal""")
                .param("org", organisationId)
                .query((rs, i) -> new OrganisationDetail.Membership(rs.getString("code"), rs.getString("name"),
                        MembershipRole.valueOf(rs.getString("role")), rs.getObject("since", LocalDate.class),
                        rs.getObject("until", LocalDate.class)))
                .list();
    }

    List<String> coveredBy(String networkCode) {
        return jdbc.sql("""
                select c.istat_code from partnership_network_comune c join partnership_network n on n.id = c.network_id
                where n.code = :code order by c.istat_code""").param("code", networkCode).query(String.class).list();
    }

    /** Inserts the comuni no network covers yet; returns the codes inserted (a missing one is already taken). */
    List<String> cover(long networkId, Collection<String> istatCodes, String source) {
        return jdbc.sql("""
                insert into partnership_network_comune (istat_code, network_id, source)
                select unnest(:codes), :network, :source
                on conflict (istat_code) do nothing
                returning istat_code::text""")
                .param("codes", istatCodes.toArray(String[]::new)).param("network", networkId)
                .param("source", source).query(String.class).list();
    }

    int uncover(long networkId, String istatCode) {
        return jdbc.sql("delete from partnership_network_comune where network_id = :network and istat_code = :code")
                .param("network", networkId).param("code", istatCode).update();
    }

    Optional<OrganisationRow> organisation(long id) {
        return jdbc.sql(ORGANISATION_SELECT + " where o.id = :id").param("id", id)
                .query(PartnershipRepository::organisation).optional();
    }

    long countOrganisations(OrganisationQuery q, List<String> seatCodes) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from partnership_organisation o" + where(q, seatCodes, params))
                .params(params).query(Long.class).single();
    }

    List<OrganisationRow> organisations(OrganisationQuery q, List<String> seatCodes, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(ORGANISATION_SELECT + where(q, seatCodes, params)
                + " order by o.project_role nulls last, lower(o.name), o.id limit :limit offset :offset")
                .params(params).query(PartnershipRepository::organisation).list();
    }

    long insertOrganisation(OrganisationData d, boolean demo) {
        return jdbc.sql("""
                insert into partnership_organisation (name, kind, tax_code, seat_istat, address, email, phone, website,
                    demo)
                values (:name, :kind, :tax, :seat, :address, :email, :phone, :website, :demo) returning id""")
                .params(organisationParams(d)).param("demo", demo).query(Long.class).single();
    }

    /** Updates when the version matches; returns the rows changed (0 = somebody else changed it). */
    int updateOrganisation(long id, int version, OrganisationData d) {
        return jdbc.sql("""
                update partnership_organisation set name = :name, kind = :kind, tax_code = :tax, seat_istat = :seat,
                    address = :address, email = :email, phone = :phone, website = :website,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .params(organisationParams(d)).param("id", id).param("version", version).update();
    }

    Optional<Member> member(long networkId, long memberId) {
        return jdbc.sql("""
                select m.id, m.organisation_id, o.name, o.kind, m.role, m.since, m.until, m.version
                from partnership_membership m join partnership_organisation o on o.id = m.organisation_id
                where m.network_id = :network and m.id = :id""")
                .param("network", networkId).param("id", memberId).query(PartnershipRepository::member).optional();
    }

    boolean isMember(long networkId, long organisationId) {
        return jdbc.sql("select count(*) from partnership_membership where network_id = :n and organisation_id = :o")
                .param("n", networkId).param("o", organisationId).query(Long.class).single() > 0;
    }

    long insertMember(long networkId, long organisationId, MembershipRole role, LocalDate since, LocalDate until) {
        return jdbc.sql("""
                insert into partnership_membership (network_id, organisation_id, role, since, until)
                values (:network, :org, :role, :since, :until) returning id""")
                .param("network", networkId).param("org", organisationId).param("role", role.name())
                .param("since", since).param("until", until).query(Long.class).single();
    }

    int updateMember(long networkId, long memberId, int version, MembershipRole role, LocalDate since,
            LocalDate until) {
        return jdbc.sql("""
                update partnership_membership set role = :role, since = :since, until = :until, version = version + 1
                where id = :id and network_id = :network and version = :version""")
                .param("role", role.name()).param("since", since).param("until", until).param("id", memberId)
                .param("network", networkId).param("version", version).update();
    }

    int deleteMember(long networkId, long memberId, int version) {
        return jdbc.sql("delete from partnership_membership where id = :id and network_id = :network "
                + "and version = :version and role <> 'LEAD'")
                .param("id", memberId).param("network", networkId).param("version", version).update();
    }

    private static Map<String, Object> organisationParams(OrganisationData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name().strip());
        p.put("kind", d.kind().name());
        p.put("tax", blankToNull(d.taxCode()));
        p.put("seat", blankToNull(d.seatIstat()));
        p.put("address", blankToNull(d.address()));
        p.put("email", blankToNull(d.email()));
        p.put("phone", blankToNull(d.phone()));
        p.put("website", blankToNull(d.website()));
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String where(OrganisationQuery q, List<String> seatCodes, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            clauses.add("o.name ilike :text escape '\\'");
            params.put("text", "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (q.kind() != null) {
            clauses.add("o.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.network() != null && !q.network().isBlank()) {
            clauses.add("exists (select 1 from partnership_membership m join partnership_network n on n.id = m.network_id"
                    + " where m.organisation_id = o.id and n.code = :network)");
            params.put("network", q.network());
        }
        if (seatCodes != null) {
            clauses.add("o.seat_istat = any(:seats)");
            params.put("seats", seatCodes.toArray(String[]::new));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static Member member(ResultSet rs, int n) throws SQLException {
        return new Member(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")), MembershipRole.valueOf(rs.getString("role")),
                rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class), rs.getInt("version"));
    }

    private static NetworkRow network(ResultSet rs, int n) throws SQLException {
        return new NetworkRow(rs.getLong("id"), rs.getString("code"), rs.getInt("ordinal"), rs.getString("name"),
                rs.getLong("lead_organisation_id"), rs.getString("lead_name"), rs.getInt("members"),
                rs.getInt("version"), strings(rs.getArray("comuni")));
    }

    private static OrganisationRow organisation(ResultSet rs, int n) throws SQLException {
        OrganisationData data = new OrganisationData(rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")), rs.getString("tax_code"), rs.getString("seat_istat"),
                rs.getString("address"), rs.getString("email"), rs.getString("phone"), rs.getString("website"));
        return new OrganisationRow(rs.getLong("id"), data, rs.getString("project_role"), rs.getBoolean("demo"),
                rs.getInt("version"), strings(rs.getArray("networks")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
