package it.labimpact.cooperation;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.OrganisationKind;
import it.labimpact.partnership.OrganisationQuery;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Governance bodies: the regional steering group, one table per network, thematic working groups.
 *
 * <p>Reading: every logged-in user reads the project-wide bodies and their own network's (project-scope users read
 * every network's); another network's body is "not found". Changing: governance (ANCI Lombardia), coordinators and
 * administrators manage any body; a network lead manages the bodies of their own network. Every change is audited
 * in the same transaction.
 */
@Service
@Transactional
public class GovernanceBodies {

    private static final Set<Role> PROJECT_MANAGERS = Set.of(Role.GOVERNANCE, Role.COORDINATOR, Role.ADMIN);
    private static final List<OrganisationKind> PROJECT_PARTNER_KINDS = List.of(OrganisationKind.REGION,
            OrganisationKind.MUNICIPALITIES_ASSOCIATION, OrganisationKind.RESEARCH);

    /** An organisation a body may have as member or a meeting may invite, grouped under a heading. */
    public record Candidates(String heading, List<GovernanceBody.Member> organisations) {
    }

    private final GovernanceRepository repository;
    private final Partnership partnership;
    private final AuditTrail audit;

    GovernanceBodies(GovernanceRepository repository, Partnership partnership, AuditTrail audit) {
        this.repository = repository;
        this.partnership = partnership;
        this.audit = audit;
    }

    /** Whether the actor may manage the bodies of the given network ({@code null}: project-wide bodies). */
    public static boolean canManage(Actor actor, String network) {
        return PROJECT_MANAGERS.contains(actor.role())
                || (actor.role() == Role.NETWORK_LEAD && network != null && network.equals(actor.networkCode()));
    }

    /** Whether the actor may create bodies at all (any for project managers, their network's for leads). */
    public static boolean canCreate(Actor actor) {
        return PROJECT_MANAGERS.contains(actor.role()) || actor.role() == Role.NETWORK_LEAD;
    }

    // --- reading ---

    /**
     * The bodies the actor may read: with {@code network}, that network's only; otherwise the project-wide ones
     * and those of every network the actor reads.
     */
    @Transactional(readOnly = true)
    public List<GovernanceBody> bodies(String network) {
        Actor actor = Actor.require();
        String wanted = blankToNull(network);
        List<String> networks = readableNetworks().stream().map(NetworkSummary::code)
                .filter(c -> wanted == null || c.equals(wanted)).toList();
        List<GovernanceRepository.BodyRow> rows = repository.bodies(networks, wanted == null);
        Map<Long, List<Long>> members = rows.isEmpty() ? Map.of()
                : repository.members(rows.stream().map(GovernanceRepository.BodyRow::id).toList());
        Map<Long, GovernanceBody.Member> names = organisations(members.values().stream().flatMap(List::stream)
                .collect(Collectors.toSet()));
        Map<String, String> networkNames = networkNames();
        return rows.stream().map(r -> view(r, members.getOrDefault(r.id(), List.of()), names, networkNames, actor))
                .toList();
    }

    /**
     * One body with its members.
     *
     * @throws RecordNotFoundException when it does not exist or belongs to a network the actor may not read
     */
    @Transactional(readOnly = true)
    public GovernanceBody body(long id) {
        GovernanceRepository.BodyRow row = readable(id);
        List<Long> members = repository.members(id);
        return view(row, members, organisations(members), networkNames(), Actor.require());
    }

    /** Networks whose bodies the actor may read: all for project scope, otherwise their own. */
    @Transactional(readOnly = true)
    public List<NetworkSummary> readableNetworks() {
        Actor actor = Actor.require();
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    /**
     * The organisations a body of the given network (or of the project, {@code null}) may have as members or invite:
     * the project's partners (region, ANCI, evaluation), then the current members of the network, or of every
     * network for a project-wide body.
     */
    @Transactional(readOnly = true)
    public List<Candidates> candidates(String network) {
        List<Candidates> groups = new java.util.ArrayList<>();
        groups.add(new Candidates(null, projectPartners()));
        for (NetworkSummary n : partnership.networks()) {
            if (network == null || n.code().equals(network)) {
                NetworkDetail detail = partnership.network(n.code()).orElseThrow();
                groups.add(new Candidates(n.name(), detail.members().stream().filter(Member::active)
                        .map(m -> new GovernanceBody.Member(m.organisationId(), m.organisationName(), m.kind().name()))
                        .toList()));
            }
        }
        return groups;
    }

    /** Organisation id → the organisation, for the given ids (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<Long, GovernanceBody.Member> organisations(Collection<Long> ids) {
        Map<Long, GovernanceBody.Member> found = new LinkedHashMap<>();
        for (Long id : ids.stream().distinct().sorted().toList()) {
            partnership.organisation(id).ifPresent(o -> found.put(id,
                    new GovernanceBody.Member(id, o.summary().name(), o.summary().kind().name())));
        }
        return found;
    }

    GovernanceRepository.BodyRow readable(long id) {
        return repository.body(id).filter(r -> r.networkCode() == null || Actor.require().canRead(r.networkCode()))
                .orElseThrow(() -> new RecordNotFoundException("governance body", id));
    }

    /** The body, when the actor may read it (404 otherwise) and manage it (403 otherwise). */
    GovernanceRepository.BodyRow manageable(long id) {
        GovernanceRepository.BodyRow row = readable(id);
        if (!canManage(Actor.require(), row.networkCode())) {
            throw new AccessDeniedException("Not allowed to manage governance body " + id);
        }
        return row;
    }

    // --- changes ---

    public long create(GovernanceBodyData data) {
        Actor actor = Actor.require();
        if (!canCreate(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " does not create governance bodies");
        }
        checkKindAndNetwork(actor, data);
        checkMembers(data.members());
        long id;
        try {
            id = repository.insert(data, false);
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("kind", "governance.body.duplicate");
        }
        repository.replaceMembers(id, data.members());
        audit.record("governance.body.create", "cooperation_governance_body", id, details(data));
        return id;
    }

    /** Changes a body read at {@code data.version()}: name, description, active, members. Kind and network stay. */
    public void update(long id, GovernanceBodyData data) {
        GovernanceRepository.BodyRow row = manageable(id);
        if (data.version() == null) {
            throw new RuleViolationException("version", "governance.version.required");
        }
        checkMembers(data.members());
        if (repository.update(id, data.version(), data) == 0) {
            throw new ConcurrentEditException("governance body", id);
        }
        repository.replaceMembers(id, data.members());
        Map<String, Object> details = details(data);
        details.put("kind", row.kind().name());
        details.put("network", String.valueOf(row.networkCode()));
        audit.record("governance.body.update", "cooperation_governance_body", id, details);
    }

    /**
     * Makes sure the standing bodies exist: the steering group (members: the project's partners and the networks'
     * leads) and a table for every network (member: its lead). Existing bodies are left as they are.
     */
    public void ensureStandingBodies() {
        List<NetworkSummary> networks = partnership.networks();
        if (repository.standing(GovernanceBodyKind.STEERING_GROUP, null).isEmpty()) {
            List<Long> members = new java.util.ArrayList<>(projectPartners().stream()
                    .map(GovernanceBody.Member::organisationId).toList());
            networks.stream().map(NetworkSummary::leadOrganisationId).filter(o -> !members.contains(o))
                    .forEach(members::add);
            seed(new GovernanceBodyData(GovernanceBodyKind.STEERING_GROUP, null, "Cabina di regia regionale",
                    "Indirizzo e coordinamento del progetto: Regione Lombardia, ANCI Lombardia, Fondazione ISMU e "
                            + "i capofila delle reti territoriali.", members, true, null));
        }
        for (NetworkSummary n : networks) {
            if (repository.standing(GovernanceBodyKind.NETWORK_TABLE, n.code()).isEmpty()) {
                seed(new GovernanceBodyData(GovernanceBodyKind.NETWORK_TABLE, n.code(), "Tavolo di rete – " + n.name(),
                        null, List.of(n.leadOrganisationId()), true, null));
            }
        }
    }

    private void seed(GovernanceBodyData data) {
        long id = repository.insert(data, false);
        repository.replaceMembers(id, data.members());
        audit.record("governance.body.create", "cooperation_governance_body", id, details(data));
    }

    // --- checks and views ---

    private void checkKindAndNetwork(Actor actor, GovernanceBodyData d) {
        String network = d.network();
        if (d.kind() == GovernanceBodyKind.STEERING_GROUP && network != null) {
            throw new RuleViolationException("networkCode", "governance.body.steering.network");
        }
        if (d.kind() == GovernanceBodyKind.NETWORK_TABLE && network == null) {
            throw new RuleViolationException("networkCode", "governance.body.table.network");
        }
        if (network != null && partnership.network(network).isEmpty()) {
            throw new RuleViolationException("networkCode", "governance.body.network.unknown");
        }
        if (!canManage(actor, network)) {
            throw new RuleViolationException("networkCode", "governance.body.network.foreign");
        }
    }

    private void checkMembers(List<Long> members) {
        Map<Long, GovernanceBody.Member> known = organisations(members);
        for (Long id : members) {
            if (!known.containsKey(id)) {
                throw new RuleViolationException("organisationIds", "governance.organisation.unknown", id);
            }
        }
    }

    private List<GovernanceBody.Member> projectPartners() {
        return PROJECT_PARTNER_KINDS.stream()
                .flatMap(k -> partnership.organisations(new OrganisationQuery(null, k, null, null),
                        new PageRequest(0, 100)).items().stream())
                .filter(o -> o.projectRole() != null)
                .map(o -> new GovernanceBody.Member(o.id(), o.name(), o.kind().name())).toList();
    }

    private GovernanceBody view(GovernanceRepository.BodyRow r, List<Long> memberIds,
            Map<Long, GovernanceBody.Member> names, Map<String, String> networkNames, Actor actor) {
        List<GovernanceBody.Member> members = memberIds.stream().map(names::get).filter(Objects::nonNull)
                .sorted(java.util.Comparator.comparing(GovernanceBody.Member::name)).toList();
        return new GovernanceBody(r.id(), r.kind(), r.networkCode(),
                r.networkCode() == null ? null : networkNames.get(r.networkCode()), r.name(), r.description(),
                r.active(), r.demo(), r.version(), members, canManage(actor, r.networkCode()));
    }

    private Map<String, String> networkNames() {
        return partnership.networks().stream().collect(Collectors.toMap(NetworkSummary::code, NetworkSummary::name));
    }

    private static Map<String, Object> details(GovernanceBodyData d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", d.kind().name());
        details.put("network", String.valueOf(d.network()));
        details.put("name", d.name().strip());
        details.put("active", !Boolean.FALSE.equals(d.active()));
        details.put("members", d.members());
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
