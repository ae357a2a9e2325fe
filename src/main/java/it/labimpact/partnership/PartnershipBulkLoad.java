package it.labimpact.partnership;

import it.labimpact.shared.bulk.CopyRows;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of the partnership's tables with {@code COPY} (the synthetic data generator): comuni covered,
 * organisations (always flagged {@code demo}) and memberships. Runs inside the caller's transaction. Organisation
 * ids are given by the loader (the table is locked against other inserts until the transaction ends, the identity
 * sequence moved past them) so the caller can refer to the new organisations without reading them back.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class PartnershipBulkLoad {

    /** A network as the loader needs it: its code, order, lead and the lead's seat (null when unknown). */
    public record Network(String code, int ordinal, long leadOrganisationId, String leadSeatIstat) {
    }

    /** A new organisation, flagged demo. */
    public record NewOrganisation(String name, OrganisationKind kind, String seatIstat) {
    }

    public record NewMembership(String networkCode, long organisationId, MembershipRole role, LocalDate since) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    PartnershipBulkLoad(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The networks in order, with their lead's seat. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Network> networks() {
        return jdbc.sql("""
                select n.code, n.ordinal, n.lead_organisation_id, o.seat_istat from partnership_network n
                join partnership_organisation o on o.id = n.lead_organisation_id order by n.ordinal""")
                .query((rs, i) -> new Network(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4))).list();
    }

    /** Adds comuni to networks' coverage (source {@code DEMO}); a comune covered already fails the load. */
    public long cover(Map<String, List<String>> comuniByNetwork) {
        Map<String, Long> ids = networkIds();
        try (CopyRows copy = CopyRows.into(dataSource, "partnership_network_comune", "istat_code", "network_id",
                "source")) {
            comuniByNetwork.forEach((network, codes) -> codes.forEach(code -> {
                copy.add(code).add(ids.get(network)).addRaw("DEMO");
                copy.endRow();
            }));
            return copy.finish();
        }
    }

    /** Inserts the organisations (flag {@code demo}) with consecutive ids; returns the first id. */
    public long organisations(List<NewOrganisation> organisations) {
        jdbc.sql("lock table partnership_organisation in share row exclusive mode").update();
        long first = jdbc.sql("select coalesce(max(id), 0) + 1 from partnership_organisation").query(Long.class)
                .single();
        try (CopyRows copy = CopyRows.into(dataSource, "partnership_organisation", "id", "name", "kind",
                "seat_istat", "demo")) {
            long id = first;
            for (NewOrganisation o : organisations) {
                copy.add(id++).add(o.name()).addRaw(o.kind().name()).add(o.seatIstat()).add(true);
                copy.endRow();
            }
            copy.finish();
        }
        jdbc.sql("select setval(pg_get_serial_sequence('partnership_organisation', 'id'),"
                + " (select max(id) from partnership_organisation))").query().singleValue();
        return first;
    }

    public long memberships(List<NewMembership> memberships) {
        Map<String, Long> ids = networkIds();
        try (CopyRows copy = CopyRows.into(dataSource, "partnership_membership", "network_id", "organisation_id",
                "role", "since")) {
            for (NewMembership m : memberships) {
                copy.add(ids.get(m.networkCode())).add(m.organisationId()).addRaw(m.role().name()).add(m.since());
                copy.endRow();
            }
            return copy.finish();
        }
    }

    private Map<String, Long> networkIds() {
        return jdbc.sql("select code, id from partnership_network").query((rs, i) -> Map.entry(rs.getString(1),
                rs.getLong(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
