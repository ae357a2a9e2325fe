package it.labimpact.partnership;

import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the default run only: for each network whose seat is known, the seat's comune and its
 * nearest comuni in the same province as covered comuni (source {@code DEMO}), and a few member
 * organisations whose names start with "[DEMO]". The real composition of the networks is not public:
 * an administrator loads it.
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(10)
class DemoPartnership implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoPartnership.class);
    private static final int NEIGHBOURS = 12;

    private final PartnershipRepository repository;
    private final TerritoryCatalogue territory;
    private final JdbcClient jdbc;

    DemoPartnership(PartnershipRepository repository, TerritoryCatalogue territory, JdbcClient jdbc) {
        this.repository = repository;
        this.territory = territory;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from partnership_organisation where demo").query(Long.class).single() > 0) {
            return;
        }
        for (PartnershipRepository.NetworkRow network : repository.networks()) {
            String seat = repository.organisation(network.leadId()).orElseThrow().data().seatIstat();
            if (seat == null || !network.comuni().isEmpty()) {
                continue;
            }
            Comune centre = territory.comune(seat).orElseThrow();
            int n = "milano".equals(network.code()) ? 0 : NEIGHBOURS;
            Set<String> taken = repository.coveringNetworks(
                    territory.allComuni(new ComuneQuery(centre.provinceCode(), null, null)).stream()
                            .map(Comune::istatCode).toList()).keySet();
            List<String> codes = territory.allComuni(new ComuneQuery(centre.provinceCode(), null, null)).stream()
                    .filter(c -> !taken.contains(c.istatCode()))
                    .sorted(Comparator.comparingDouble(c -> distance(centre, c)))
                    .limit(n + 1L).map(Comune::istatCode).collect(Collectors.toList());
            repository.cover(network.id(), codes, "DEMO");
            member(network, "[DEMO] CPIA " + centre.name(), OrganisationKind.CPIA, seat);
            member(network, "[DEMO] Cooperativa sociale " + centre.name(), OrganisationKind.THIRD_SECTOR, seat);
            member(network, "[DEMO] Associazione delle comunità migranti " + centre.name(),
                    OrganisationKind.MIGRANT_ASSOCIATION, seat);
        }
        log.info("Demo mode: demo coverage and member organisations loaded");
    }

    private void member(PartnershipRepository.NetworkRow network, String name, OrganisationKind kind, String seat) {
        long id = repository.insertOrganisation(new OrganisationData(name, kind, null, seat, null, null, null, null),
                true);
        repository.insertMember(network.id(), id, MembershipRole.PARTNER, null, null);
    }

    private static double distance(Comune a, Comune b) {
        double dx = (a.lon() - b.lon()) * Math.cos(Math.toRadians(a.lat()));
        double dy = a.lat() - b.lat();
        return dx * dx + dy * dy;
    }
}
