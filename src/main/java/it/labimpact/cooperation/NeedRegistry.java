package it.labimpact.cooperation;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.territory.Comune;
import it.labimpact.territory.TerritoryCatalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs and proposals from the territory (fabbisogni e proposte) and the networks' response.
 *
 * <p><b>Who.</b> Any logged-in staff member records a need for their own network (project-wide users for any
 * network) and reads their network's needs (project-wide users every network's); another network's need is "not
 * found". The network responds: its lead, coordinators and administrators change the status, each change dated
 * in the need's history and audited. The board (what is rising where) is for governance, coordinators and
 * administrators.
 */
@Service
@Transactional
public class NeedRegistry {

    private final NeedRepository repository;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final AuditTrail audit;

    NeedRegistry(NeedRepository repository, Partnership partnership, TerritoryCatalogue territory, AuditTrail audit) {
        this.repository = repository;
        this.partnership = partnership;
        this.territory = territory;
        this.audit = audit;
    }

    /** Whether the actor may respond to (change the status of) the network's needs. */
    public static boolean canRespond(Actor actor, String networkCode) {
        return actor.canManageProject() || (actor.role() == Role.NETWORK_LEAD && networkCode != null
                && networkCode.equals(actor.networkCode()));
    }

    /** Whether the actor may see the board. */
    public static boolean canSeeBoard(Actor actor) {
        return actor.canManageProject() || actor.role() == Role.GOVERNANCE;
    }

    // --- reads ---

    /** The needs the actor may read that match the filters, latest raised first. */
    @Transactional(readOnly = true)
    public PageResponse<NeedView> needs(NeedQuery q, PageRequest page) {
        Actor actor = Actor.require();
        String network = q.network() == null || q.network().isBlank() ? null : q.network().strip();
        NeedRepository.Filter filter = new NeedRepository.Filter(actor.seesWholeProject() ? null : actor.networkCode(),
                network, q.theme(), q.status(), q.from(), q.to());
        PartnershipNames names = new PartnershipNames(partnership);
        List<NeedView> items = repository.needs(filter, page.offset(), page.size()).stream()
                .map(r -> view(r, names, List.of())).toList();
        return new PageResponse<>(items, page.page(), page.size(), repository.count(filter));
    }

    /** One need with its status history. */
    @Transactional(readOnly = true)
    public NeedView need(long id) {
        NeedRepository.NeedRow row = readable(id);
        return view(row, new PartnershipNames(partnership), repository.history(id));
    }

    /** The networks the actor may record needs for and filter by. */
    @Transactional(readOnly = true)
    public List<NetworkSummary> readableNetworks() {
        Actor actor = Actor.require();
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    /**
     * The board for a reference quarter: counts by theme and network in that quarter against the previous one, and
     * by theme over the four quarters ending with it; optionally for one network and one status.
     */
    @Transactional(readOnly = true)
    public NeedBoard board(NeedQuarter quarter, String network, NeedStatus status) {
        if (!canSeeBoard(Actor.require())) {
            throw new AccessDeniedException("The needs board is for governance and coordination");
        }
        String only = network == null || network.isBlank() ? null : network.strip();
        List<NeedQuarter> quarters = new ArrayList<>();
        NeedQuarter q = quarter;
        for (int i = 0; i < 4; i++) {
            quarters.add(0, q);
            q = q.previous();
        }
        Map<String, Long> counts = new HashMap<>();
        for (NeedRepository.Count c : repository.counts(only, status, quarters.get(0).first(), quarter.last())) {
            counts.merge(c.theme() + "/" + c.networkCode() + "/" + c.quarter(), c.count(), Long::sum);
            counts.merge(c.theme() + "/*/" + c.quarter(), c.count(), Long::sum);
        }
        NeedQuarter previous = quarter.previous();
        List<NeedBoard.NetworkRow> byNetwork = partnership.networks().stream()
                .filter(n -> only == null || n.code().equals(only))
                .map(n -> {
                    List<NeedBoard.Cell> cells = new ArrayList<>();
                    for (NeedTheme theme : NeedTheme.values()) {
                        cells.add(new NeedBoard.Cell(theme, get(counts, theme, n.code(), quarter),
                                get(counts, theme, n.code(), previous)));
                    }
                    return new NeedBoard.NetworkRow(n.code(), n.name(), List.copyOf(cells),
                            cells.stream().mapToLong(NeedBoard.Cell::count).sum());
                }).toList();
        List<NeedBoard.ThemeRow> byQuarter = new ArrayList<>();
        for (NeedTheme theme : NeedTheme.values()) {
            List<Long> row = quarters.stream().map(x -> get(counts, theme, "*", x)).toList();
            byQuarter.add(new NeedBoard.ThemeRow(theme, row, new NeedBoard.Cell(theme, row.get(3), row.get(2))));
        }
        return new NeedBoard(quarter, List.copyOf(quarters), byNetwork, List.copyOf(byQuarter));
    }

    // --- changes ---

    public long record(NeedData data) {
        Actor actor = Actor.require();
        check(actor, data);
        long id = repository.insert(data, actor.username());
        repository.insertChange(id, NeedStatus.NEW, null, actor.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("network", data.networkCode().strip());
        details.put("theme", data.theme().name());
        details.put("comune", String.valueOf(data.comuneIstat()));
        details.put("raisedOn", data.raisedOn().toString());
        audit.record("need.create", "cooperation_need", id, details);
        return id;
    }

    /** Moves the need to a new status with the network's response, read at {@code update.version()}. */
    public void changeStatus(long id, NeedStatusUpdate update) {
        NeedRepository.NeedRow row = readable(id);
        Actor actor = Actor.require();
        if (!canRespond(actor, row.networkCode())) {
            throw new AccessDeniedException("Not allowed to respond to need " + id);
        }
        if (update.version() == null) {
            throw new RuleViolationException("version", "edit.version.required");
        }
        String response = update.response() == null || update.response().isBlank() ? null : update.response().strip();
        if (update.status().needsResponse() && response == null) {
            throw new RuleViolationException("response", "need.response.required");
        }
        if (update.status() == row.status() && Objects.equals(response, row.response())) {
            throw new RuleViolationException("status", "need.status.unchanged");
        }
        if (repository.updateStatus(id, update.version(), update.status(), response) == 0) {
            throw new ConcurrentEditException("need", id);
        }
        repository.insertChange(id, update.status(), response, actor.username());
        audit.record("need.status", "cooperation_need", id, Map.of("from", row.status().name(),
                "to", update.status().name(), "responseLength", response == null ? 0 : response.length()));
    }

    // --- checks ---

    private NeedRepository.NeedRow readable(long id) {
        Actor actor = Actor.require();
        NeedRepository.NeedRow row = repository.need(id).orElseThrow(() -> new RecordNotFoundException("need", id));
        if (!actor.canRead(row.networkCode())) {
            throw new RecordNotFoundException("need", id);
        }
        return row;
    }

    private void check(Actor actor, NeedData d) {
        String network = d.networkCode().strip();
        if (!actor.canRead(network)) {
            throw new RuleViolationException("networkCode", "need.network.foreign");
        }
        if (partnership.network(network).isEmpty()) {
            throw new RuleViolationException("networkCode", "need.network.unknown");
        }
        if (d.comuneIstat() != null && !d.comuneIstat().isBlank() && territory.comune(d.comuneIstat()).isEmpty()) {
            throw new RuleViolationException("comuneIstat", "need.comune.unknown", d.comuneIstat());
        }
        if (d.raisedByOrganisationId() == null && d.raisedByKind() == null) {
            throw new RuleViolationException("raisedByKind", "need.raisedBy.required");
        }
        if (d.raisedByOrganisationId() != null && partnership.organisation(d.raisedByOrganisationId()).isEmpty()) {
            throw new RuleViolationException("raisedByOrganisationId", "need.organisation.unknown");
        }
        if (d.raisedOn().isAfter(LocalDate.now())) {
            throw new RuleViolationException("raisedOn", "need.raisedOn.future");
        }
    }

    private static long get(Map<String, Long> counts, NeedTheme theme, String network, NeedQuarter q) {
        return counts.getOrDefault(theme + "/" + network + "/" + q, 0L);
    }

    private NeedView view(NeedRepository.NeedRow r, PartnershipNames names, List<NeedView.Change> history) {
        Comune comune = r.comuneIstat() == null ? null : territory.comune(r.comuneIstat()).orElse(null);
        return new NeedView(r.id(), r.networkCode(), names.network(r.networkCode()), r.theme(), r.comuneIstat(),
                comune == null ? null : comune.name(), r.organisationId(),
                r.organisationId() == null ? null : names.organisation(r.organisationId()), r.kind(), r.raisedOn(),
                r.description(), r.evidence(), r.evidenceLink(), r.status(), r.response(), r.createdBy(),
                r.statusChangedAt(), r.version(), history);
    }

}
