package it.labimpact.partnership;

import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership module's door for reading: networks with coverage figures, members, organisations.
 * The partnership is not personal data; every logged-in user may read it.
 */
@Service
@Transactional(readOnly = true)
public class Partnership {

    private final PartnershipRepository repository;
    private final TerritoryCatalogue territory;

    Partnership(PartnershipRepository repository, TerritoryCatalogue territory) {
        this.repository = repository;
        this.territory = territory;
    }

    /** The 13 networks with their coverage figures: two queries, whatever the number of networks. */
    public List<NetworkSummary> networks() {
        List<PartnershipRepository.NetworkRow> rows = repository.networks();
        Map<String, Comune> covered = comuni(rows.stream().flatMap(r -> r.comuni().stream()).toList());
        return rows.stream().map(row -> summary(row, covered)).toList();
    }

    /**
     * A number raised in the same transaction as every change of the networks, their coverage, their members or the
     * organisations: what was computed from the partnership's reads after reading it stays right while it is the same
     * (the territory's figures, such as the residents of the comuni covered, are not part of it).
     */
    public long generation() {
        return repository.generation();
    }

    /**
     * Code → name of every network, in the networks' order: one short statement, where {@link #networks} also
     * counts the members and reads every covered comune.
     */
    public Map<String, String> networkNames() {
        return repository.networkNames();
    }

    /** Every network's code and name, in the networks' order (for a filter: one short statement). */
    public List<NetworkName> networkChoices() {
        return repository.networkNames().entrySet().stream().map(e -> new NetworkName(e.getKey(), e.getValue()))
                .toList();
    }

    /** Every covered comune → code of the network that covers it. */
    public Map<String, String> coverage() {
        return repository.coverage();
    }

    public Optional<NetworkDetail> network(String code) {
        return repository.network(code).map(row -> {
            Map<String, String> sources = repository.comuneSources(row.id());
            List<NetworkDetail.CoveredComune> comuni = row.comuni().isEmpty() ? List.of()
                    : territory.allComuni(new ComuneQuery(null, null, row.comuni())).stream()
                            .map(c -> new NetworkDetail.CoveredComune(c, sources.get(c.istatCode()))).toList();
            Map<String, Comune> byCode = comuni.stream().map(NetworkDetail.CoveredComune::comune)
                    .collect(Collectors.toMap(Comune::istatCode, Function.identity()));
            return new NetworkDetail(summary(row, byCode), row.version(), repository.members(row.id()), comuni);
        });
    }

    /**
     * Up to {@code limit} organisations that may be added to the network (never a member of it) whose name contains
     * {@code text}, by name; nothing for blank text or an unknown network.
     */
    public List<MemberCandidate> memberCandidates(String networkCode, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return repository.networkId(networkCode)
                .map(id -> repository.memberCandidates(id, text, limit)).orElse(List.of());
    }

    /** ISTAT codes of the comuni a network covers (empty for an unknown network). */
    public List<String> comuniCoveredBy(String networkCode) {
        return repository.coveredBy(networkCode);
    }

    /** ISTAT code → code of the network that covers it, for the given comuni. */
    public Map<String, String> coveringNetworks(Collection<String> istatCodes) {
        return repository.coveringNetworks(istatCodes);
    }

    public PageResponse<OrganisationSummary> organisations(OrganisationQuery query, PageRequest page) {
        List<String> seats = query.province() == null || query.province().isBlank() ? null
                : territory.allComuni(new ComuneQuery(query.province(), null, null)).stream()
                        .map(Comune::istatCode).toList();
        List<PartnershipRepository.OrganisationRow> rows =
                repository.organisations(query, seats, page.offset(), page.size());
        Map<String, Comune> seatComuni = comuni(rows.stream().map(r -> r.data().seatIstat()).toList());
        return new PageResponse<>(rows.stream().map(r -> summary(r, seatComuni)).toList(), page.page(), page.size(),
                repository.countOrganisations(query, seats));
    }

    public Optional<OrganisationDetail> organisation(long id) {
        return repository.organisation(id).map(row -> {
            Map<String, Comune> seat = comuni(List.of(row.data().seatIstat() == null ? "" : row.data().seatIstat()));
            return new OrganisationDetail(summary(row, seat), row.data(), row.version(), repository.memberships(id));
        });
    }

    private Map<String, Comune> comuni(List<String> codes) {
        List<String> present = codes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        return territory.allComuni(new ComuneQuery(null, null, present)).stream()
                .collect(Collectors.toMap(Comune::istatCode, Function.identity()));
    }

    private static NetworkSummary summary(PartnershipRepository.NetworkRow row, Map<String, Comune> comuni) {
        List<Comune> covered = row.comuni().stream().map(comuni::get).filter(java.util.Objects::nonNull).toList();
        List<Comune> withTcn = covered.stream().filter(c -> c.tcnResidents() != null).toList();
        return new NetworkSummary(row.code(), row.ordinal(), row.name(), row.leadId(), row.leadName(), row.members(),
                covered.size(), covered.stream().mapToLong(Comune::population).sum(),
                withTcn.stream().mapToLong(Comune::tcnResidents).sum(), withTcn.size());
    }

    private static OrganisationSummary summary(PartnershipRepository.OrganisationRow row, Map<String, Comune> seats) {
        Comune seat = row.data().seatIstat() == null ? null : seats.get(row.data().seatIstat());
        return new OrganisationSummary(row.id(), row.data().name(), row.data().kind(), row.projectRole(),
                row.data().seatIstat(), seat == null ? null : seat.name(), seat == null ? null : seat.provinceSigla(),
                row.networks(), row.demo());
    }
}
