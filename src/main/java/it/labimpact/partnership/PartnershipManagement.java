package it.labimpact.partnership;

import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the partnership: organisations, membership, comuni covered. Coordinators and
 * administrators change any network; a network lead changes only their own. Every change is audited.
 */
@Service
@Transactional
public class PartnershipManagement {

    private final PartnershipRepository repository;
    private final TerritoryCatalogue territory;
    private final AuditTrail audit;

    PartnershipManagement(PartnershipRepository repository, TerritoryCatalogue territory, AuditTrail audit) {
        this.repository = repository;
        this.territory = territory;
        this.audit = audit;
    }

    public long createOrganisation(OrganisationData data) {
        Actor actor = Actor.require();
        if (!actor.canManageProject() && actor.role() != it.labimpact.shared.Role.NETWORK_LEAD) {
            throw new AccessDeniedException("Only coordinators, administrators and network leads add organisations");
        }
        checkSeat(data.seatIstat());
        long id = repository.insertOrganisation(data, false);
        audit.record("partnership.organisation.create", "partnership_organisation", id, Map.of("name", data.name()));
        return id;
    }

    public void updateOrganisation(long id, int version, OrganisationData data) {
        PartnershipRepository.OrganisationRow row = repository.organisation(id)
                .orElseThrow(() -> new RecordNotFoundException("organisation", id));
        if (!canEditOrganisation(Actor.require(), row)) {
            throw new AccessDeniedException("Not allowed to edit organisation " + id);
        }
        checkSeat(data.seatIstat());
        if (repository.updateOrganisation(id, version, data) == 0) {
            throw new ConcurrentEditException("organisation", id);
        }
        audit.record("partnership.organisation.update", "partnership_organisation", id,
                changes(row.data(), data));
    }

    /** Coordinators and administrators edit any organisation; a lead edits those of their network only. */
    public boolean canEditOrganisation(Actor actor, long organisationId) {
        return repository.organisation(organisationId).map(row -> canEditOrganisation(actor, row)).orElse(false);
    }

    public long addMember(String networkCode, long organisationId, MembershipRole role, LocalDate since,
            LocalDate until) {
        PartnershipRepository.NetworkRow network = managed(networkCode);
        if (role == MembershipRole.LEAD) {
            throw new RuleViolationException("role", "member.lead.unique");
        }
        if (repository.organisation(organisationId).isEmpty()) {
            throw new RuleViolationException("organisationId", "member.organisation.unknown");
        }
        if (repository.isMember(network.id(), organisationId)) {
            throw new RuleViolationException("organisationId", "member.duplicate");
        }
        checkDates(since, until);
        long id = repository.insertMember(network.id(), organisationId, role, since, until);
        audit.record("partnership.member.add", "partnership_membership", id,
                Map.of("network", networkCode, "organisation", organisationId, "role", role.name()));
        return id;
    }

    public void updateMember(String networkCode, long memberId, int version, MembershipRole role, LocalDate since,
            LocalDate until) {
        PartnershipRepository.NetworkRow network = managed(networkCode);
        Member current = repository.member(network.id(), memberId)
                .orElseThrow(() -> new RecordNotFoundException("membership", memberId));
        if ((current.role() == MembershipRole.LEAD) != (role == MembershipRole.LEAD)) {
            throw new RuleViolationException("role", "member.lead.unique");
        }
        checkDates(since, until);
        if (repository.updateMember(network.id(), memberId, version, role, since, until) == 0) {
            throw new ConcurrentEditException("membership", memberId);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("network", networkCode);
        details.put("role", role.name());
        details.put("since", String.valueOf(since));
        details.put("until", String.valueOf(until));
        audit.record("partnership.member.update", "partnership_membership", memberId, details);
    }

    public void removeMember(String networkCode, long memberId, int version) {
        PartnershipRepository.NetworkRow network = managed(networkCode);
        Member current = repository.member(network.id(), memberId)
                .orElseThrow(() -> new RecordNotFoundException("membership", memberId));
        if (current.role() == MembershipRole.LEAD) {
            throw new RuleViolationException(null, "member.lead.remove");
        }
        if (repository.deleteMember(network.id(), memberId, version) == 0) {
            throw new ConcurrentEditException("membership", memberId);
        }
        audit.record("partnership.member.remove", "partnership_membership", memberId,
                Map.of("network", networkCode, "organisation", current.organisationId()));
    }

    /**
     * Adds comuni to a network. Refuses the whole request, naming each problem, when a code is not a comune
     * of Lombardy or a comune is already covered by a network.
     */
    public int cover(String networkCode, Collection<String> istatCodes, String source) {
        PartnershipRepository.NetworkRow network = managed(networkCode);
        Set<String> codes = new LinkedHashSet<>();
        istatCodes.forEach(c -> codes.add(TerritoryCatalogue.normaliseIstatCode(c)));
        codes.removeIf(String::isBlank);
        if (codes.isEmpty()) {
            throw new RuleViolationException("comuni", "coverage.empty");
        }
        Set<String> unknown = new TreeSet<>(territory.unknown(codes));
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("comuni", "coverage.unknown", String.join(", ", unknown));
        }
        Map<String, String> covered = repository.coveringNetworks(codes);
        if (!covered.isEmpty()) {
            throw coverageConflict(covered);
        }
        Set<String> taken = new LinkedHashSet<>(codes);
        repository.cover(network.id(), codes, source).forEach(taken::remove);
        if (!taken.isEmpty()) {
            // another request covered them since the check above: refuse, and roll back what was inserted
            throw coverageConflict(repository.coveringNetworks(taken));
        }
        audit.record("partnership.coverage.add", "partnership_network", networkCode,
                Map.of("comuni", List.copyOf(codes), "source", source));
        return codes.size();
    }

    public void uncover(String networkCode, String istatCode) {
        PartnershipRepository.NetworkRow network = managed(networkCode);
        if (repository.uncover(network.id(), istatCode) == 0) {
            throw new RecordNotFoundException("covered comune", istatCode);
        }
        audit.record("partnership.coverage.remove", "partnership_network", networkCode, Map.of("comune", istatCode));
    }

    private RuleViolationException coverageConflict(Map<String, String> covered) {
        List<String> conflicts = covered.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> territory.comune(e.getKey()).orElseThrow().name() + " (" + e.getValue() + ")").toList();
        return new RuleViolationException("comuni", "coverage.conflict", String.join(", ", conflicts));
    }

    /** The network, when it exists and the actor may change it: 404 for an unknown one, 403 otherwise. */
    PartnershipRepository.NetworkRow managed(String networkCode) {
        PartnershipRepository.NetworkRow network = repository.network(networkCode)
                .orElseThrow(() -> new RecordNotFoundException("network", networkCode));
        if (!Actor.require().canManageNetwork(networkCode)) {
            throw new AccessDeniedException("Not allowed to change network " + networkCode);
        }
        return network;
    }

    private boolean canEditOrganisation(Actor actor, PartnershipRepository.OrganisationRow row) {
        return actor.canManageProject() || (actor.role() == it.labimpact.shared.Role.NETWORK_LEAD
                && row.projectRole() == null && row.networks().contains(actor.networkCode()));
    }

    private void checkSeat(String seat) {
        if (seat != null && !seat.isBlank() && territory.comune(seat.strip()).isEmpty()) {
            throw new RuleViolationException("seatIstat", "organisation.seat.unknown", seat);
        }
    }

    private static void checkDates(LocalDate since, LocalDate until) {
        if (since != null && until != null && until.isBefore(since)) {
            throw new RuleViolationException("until", "member.dates.order");
        }
    }

    private static Map<String, Object> changes(OrganisationData before, OrganisationData after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        record Field(String name, Object before, Object after) {
        }
        for (Field f : List.of(new Field("name", before.name(), after.name()),
                new Field("kind", before.kind(), after.kind()), new Field("taxCode", before.taxCode(), after.taxCode()),
                new Field("seatIstat", before.seatIstat(), after.seatIstat()),
                new Field("address", before.address(), after.address()),
                new Field("email", before.email(), after.email()), new Field("phone", before.phone(), after.phone()),
                new Field("website", before.website(), after.website()))) {
            if (!java.util.Objects.equals(norm(f.before()), norm(f.after()))) {
                changed.put(f.name(), String.valueOf(f.after()));
            }
        }
        return changed;
    }

    private static Object norm(Object o) {
        return o instanceof String s && s.isBlank() ? null : o;
    }
}
