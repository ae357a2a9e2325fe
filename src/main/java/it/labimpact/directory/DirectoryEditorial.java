package it.labimpact.directory;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's editorial workflow (redazione).
 *
 * <p><b>Who.</b> Operators and network leads draft and change the entries of their network's organisations (an
 * organisation-scoped user only its own organisation's); the network lead publishes and unpublishes them;
 * coordinators and administrators do everything for every network. Another network's entry is "not found", even
 * by a guessed id. Every change is audited and checked against the version read.
 *
 * <p><b>Freshness.</b> Publishing checks the entry today; "confirm still valid" checks it again. A published entry
 * not checked for {@code labimpact.directory.stale-after} (default 180 days) is stale: listed for its editors and
 * counted on their page.
 */
@Service
@Transactional
public class DirectoryEditorial {

    /** The time zone of every date and time shown and typed. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final DirectoryRepository repository;
    private final EntryViews views;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final AuditTrail audit;
    private final Period staleAfter;

    DirectoryEditorial(DirectoryRepository repository, EntryViews views, Partnership partnership,
            TerritoryCatalogue territory, AuditTrail audit,
            @Value("${labimpact.directory.stale-after:P180D}") String staleAfter) {
        this.repository = repository;
        this.views = views;
        this.partnership = partnership;
        this.territory = territory;
        this.audit = audit;
        this.staleAfter = Period.parse(staleAfter);
    }

    /** A list of entries for editors. */
    public record EditorQuery(EntryKind kind, EntryStatus status, boolean staleOnly) {
    }

    /** May draft and change the network's entries of that organisation. */
    public static boolean canEdit(Actor actor, String network, long organisationId) {
        if (actor.canManageProject()) {
            return true;
        }
        return (actor.role() == Role.OPERATOR || actor.role() == Role.NETWORK_LEAD) && network != null
                && network.equals(actor.networkCode())
                && (actor.organisationId() == null || actor.organisationId() == organisationId);
    }

    /** May publish and unpublish the network's entries. */
    public static boolean canPublish(Actor actor, String network) {
        return actor.canManageProject() || (actor.role() == Role.NETWORK_LEAD && network != null
                && network.equals(actor.networkCode()) && actor.organisationId() == null);
    }

    /** Entries last checked before this day are stale. */
    public LocalDate staleBefore() {
        return today().minus(staleAfter);
    }

    public Period staleAfter() {
        return staleAfter;
    }

    // --- reads ---

    @Transactional(readOnly = true)
    public PageResponse<EntrySummary> entries(EditorQuery q, PageRequest page) {
        DirectoryRepository.Filter filter = scope(Actor.require(), q.kind(), q.status(), q.staleOnly());
        List<UUID> ids = repository.ids(filter, page.offset(), page.size());
        return new PageResponse<>(views.summaries(ids, Map.of(), "it", staleBefore()), page.page(), page.size(),
                repository.count(filter));
    }

    /** How many of the actor's entries are stale (for their landing page and dashboard). */
    @Transactional(readOnly = true)
    public long staleCount() {
        return repository.count(scope(Actor.require(), null, null, true));
    }

    /**
     * For an editor of the directory (network staff, coordinators, administrators), how many of their entries are
     * stale, for their dashboard; empty for anybody else.
     */
    @Transactional(readOnly = true)
    public OptionalLong staleCountForEditor() {
        Actor actor = Actor.require();
        if (!actor.canManageProject() && actor.role() != Role.OPERATOR && actor.role() != Role.NETWORK_LEAD) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(repository.count(scope(actor, null, null, true)));
    }

    /** One entry with its Italian texts and every translation's state. */
    @Transactional(readOnly = true)
    public EntryView entry(UUID id) {
        return views.view(editable(id), "it", true, staleBefore());
    }

    /** The Italian texts and one language's translations with their states, to edit them side by side. */
    @Transactional(readOnly = true)
    public Map<TextField, String[]> translation(UUID id, PublicLanguage lang) {
        editable(id);
        var texts = views.rawTexts(id, lang.tag());
        Map<TextField, String[]> rows = new LinkedHashMap<>();
        for (TextField f : TextField.values()) {
            var it = texts.get("it").get(f);
            var tr = texts.get(lang.tag()).get(f);
            rows.put(f, new String[] {it == null ? null : it.value(), tr == null ? null : tr.value(),
                    tr == null ? TranslationState.MISSING.name() : tr.state().name()});
        }
        return rows;
    }

    /** The organisations the actor may draft entries for, per network they may edit. */
    @Transactional(readOnly = true)
    public Map<String, List<Member>> draftableOrganisations() {
        Actor actor = Actor.require();
        Map<String, List<Member>> byNetwork = new LinkedHashMap<>();
        partnership.networks().stream().filter(n -> actor.canManageProject() || n.code().equals(actor.networkCode()))
                .forEach(n -> partnership.network(n.code()).map(NetworkDetail::members).ifPresent(members -> {
                    List<Member> ok = members.stream().filter(Member::active)
                            .filter(m -> canEdit(actor, n.code(), m.organisationId())).toList();
                    if (!ok.isEmpty()) {
                        byNetwork.put(n.code(), ok);
                    }
                }));
        return byNetwork;
    }

    // --- changes ---

    public UUID create(EntryData data) {
        Actor actor = Actor.require();
        String network = actor.seesWholeProject() ? blankToNull(data.networkCode()) : actor.networkCode();
        if (network == null) {
            throw new RuleViolationException("networkCode", "directory.network.required");
        }
        if (!canEdit(actor, network, data.organisationId())) {
            throw new RuleViolationException("organisationId", "directory.organisation.foreign");
        }
        List<DirectoryRepository.PlaceData> places = check(data, network);
        UUID id = UUID.randomUUID();
        repository.insert(id, data, network, actor.username());
        saveDetails(id, data, places, actor);
        audit.record("directory.create", "directory_entry", id, Map.of("kind", data.kind().name(), "network", network,
                "organisation", data.organisationId()));
        return id;
    }

    /** Changes the entry read at {@code data.version()}; its status does not change. */
    public void update(UUID id, EntryData data) {
        DirectoryRepository.EntryRow row = editable(id);
        Actor actor = Actor.require();
        if (!canEdit(actor, row.networkCode(), data.organisationId())) {
            throw new RuleViolationException("organisationId", "directory.organisation.foreign");
        }
        if (data.kind() != row.kind()) {
            throw new RuleViolationException("kind", "directory.kind.fixed");
        }
        List<DirectoryRepository.PlaceData> places = check(data, row.networkCode());
        if (repository.update(id, version(data.version()), data) == 0) {
            throw new ConcurrentEditException("directory entry", id);
        }
        saveDetails(id, data, places, actor);
        audit.record("directory.update", "directory_entry", id, Map.of("status", row.status().name()));
    }

    /** Saves one language's translations: a blank value removes it (missing); Italian cannot be changed here. */
    public void translate(UUID id, PublicLanguage lang, Map<TextField, String> values,
            Map<TextField, TranslationState> states, Integer version) {
        if (lang == PublicLanguage.IT) {
            throw new RuleViolationException("lang", "directory.translation.italian");
        }
        editable(id);
        Actor actor = Actor.require();
        for (Map.Entry<TextField, String> v : values.entrySet()) {
            if (v.getValue() != null && v.getValue().strip().length() > 4000) {
                throw new RuleViolationException(v.getKey().column(), "directory.text.tooLong");
            }
        }
        if (repository.touch(id, version(version)) == 0) {
            throw new ConcurrentEditException("directory entry", id);
        }
        values.forEach((field, value) -> repository.saveText(id, field, lang.tag(), value,
                states.getOrDefault(field, TranslationState.DRAFT) == TranslationState.REVIEWED
                        ? TranslationState.REVIEWED : TranslationState.DRAFT, actor.username()));
        audit.record("directory.translate", "directory_entry", id, Map.of("lang", lang.tag(),
                "reviewed", states.values().stream().filter(s -> s == TranslationState.REVIEWED).count()));
    }

    /** The lead makes the entry public, checked today; it needs an Italian name and description, a category. */
    public void publish(UUID id, int version) {
        DirectoryRepository.EntryRow row = publishable(id);
        EntryView entry = views.view(row, "it", true, null);
        if (entry.text(TextField.NAME) == null || entry.text(TextField.DESCRIPTION) == null) {
            throw new RuleViolationException("description", "directory.publish.texts");
        }
        if (entry.categories().isEmpty()) {
            throw new RuleViolationException("categories", "directory.publish.category");
        }
        if (row.kind() == EntryKind.SERVICE && entry.locations().isEmpty()) {
            throw new RuleViolationException("locations", "directory.publish.location");
        }
        changeStatus(row, version, EntryStatus.PUBLISHED);
    }

    public void unpublish(UUID id, int version) {
        DirectoryRepository.EntryRow row = publishable(id);
        if (row.status() != EntryStatus.PUBLISHED) {
            throw new RuleViolationException(null, "directory.unpublish.notPublished");
        }
        changeStatus(row, version, EntryStatus.UNPUBLISHED);
    }

    /** "Still valid": the entry's information was checked today. */
    public void confirm(UUID id, int version) {
        DirectoryRepository.EntryRow row = editable(id);
        if (row.status() != EntryStatus.PUBLISHED) {
            throw new RuleViolationException(null, "directory.confirm.notPublished");
        }
        if (repository.confirm(id, version, today(), Actor.require().username()) == 0) {
            throw new ConcurrentEditException("directory entry", id);
        }
        audit.record("directory.confirm", "directory_entry", id, Map.of("previous", String.valueOf(row.lastCheckedOn())));
    }

    // --- checks ---

    private void changeStatus(DirectoryRepository.EntryRow row, int version, EntryStatus status) {
        if (repository.changeStatus(row.id(), version, status, today(), Actor.require().username()) == 0) {
            throw new ConcurrentEditException("directory entry", row.id());
        }
        audit.record("directory." + status.name().toLowerCase(), "directory_entry", row.id(),
                Map.of("from", row.status().name(), "to", status.name()));
    }

    private DirectoryRepository.EntryRow editable(UUID id) {
        Actor actor = Actor.require();
        DirectoryRepository.EntryRow row = repository.entry(id)
                .orElseThrow(() -> new RecordNotFoundException("directory entry", id));
        if (!canEdit(actor, row.networkCode(), row.organisationId())) {
            throw new RecordNotFoundException("directory entry", id);
        }
        return row;
    }

    private DirectoryRepository.EntryRow publishable(UUID id) {
        DirectoryRepository.EntryRow row = editable(id);
        if (!canPublish(Actor.require(), row.networkCode())) {
            throw new AccessDeniedException("Only the network lead publishes directory entry " + id);
        }
        return row;
    }

    private DirectoryRepository.Filter scope(Actor actor, EntryKind kind, EntryStatus status, boolean staleOnly) {
        if (!actor.canManageProject() && actor.role() != Role.OPERATOR && actor.role() != Role.NETWORK_LEAD) {
            throw new AccessDeniedException("The directory is edited by network staff and coordination");
        }
        return new DirectoryRepository.Filter(kind, status, actor.canManageProject() ? null : actor.networkCode(),
                actor.canManageProject() ? null : actor.organisationId(), staleOnly ? staleBefore() : null, null, null,
                null, null, null, null, null, null);
    }

    private List<DirectoryRepository.PlaceData> check(EntryData d, String network) {
        if (partnership.network(network).map(n -> n.members().stream().noneMatch(
                m -> m.organisationId() == d.organisationId())).orElse(true)) {
            throw new RuleViolationException("organisationId", "directory.organisation.notMember");
        }
        if (d.kind() == EntryKind.EVENT && d.startsAt() == null) {
            throw new RuleViolationException("startsAt", "directory.event.start");
        }
        if (d.startsAt() != null && d.endsAt() != null && d.endsAt().isBefore(d.startsAt())) {
            throw new RuleViolationException("endsAt", "directory.event.end");
        }
        if (d.italian().getOrDefault(TextField.NAME, "").isBlank()) {
            throw new RuleViolationException("name", "directory.name.required");
        }
        for (String l : d.languages()) {
            if (!l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw new RuleViolationException("languages", "directory.language.invalid", l);
            }
        }
        for (EntryData.Opening o : d.openings()) {
            if (o.weekday() < 1 || o.weekday() > 7 || !o.closes().isAfter(o.opens())) {
                throw new RuleViolationException("hours" + o.weekday(), "directory.hours.invalid");
            }
        }
        List<DirectoryRepository.PlaceData> places = new ArrayList<>();
        for (int k = 0; k < d.locations().size(); k++) {
            int i = k;
            EntryData.Place p = d.locations().get(i);
            if (p.address() == null || p.address().isBlank()) {
                throw new RuleViolationException("locAddress" + i, "directory.place.address");
            }
            Comune comune = comune(p.comune()).orElseThrow(
                    () -> new RuleViolationException("locComune" + i, "directory.place.comune", p.comune()));
            boolean given = p.latitude() != null && p.longitude() != null;
            places.add(new DirectoryRepository.PlaceData(p.name(), p.address(), p.postalCode(), comune.istatCode(),
                    given ? p.latitude() : comune.lat(), given ? p.longitude() : comune.lon()));
        }
        return places;
    }

    /** A comune by ISTAT code or by name (exactly one comune with that name). */
    java.util.Optional<Comune> comune(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        String t = TerritoryCatalogue.normaliseIstatCode(text);
        if (t.matches("\\d{6}")) {
            return territory.comune(t);
        }
        List<String> codes = territory.resolve(t).codes();
        return codes.size() == 1 ? territory.comune(codes.get(0)) : java.util.Optional.empty();
    }

    private void saveDetails(UUID id, EntryData data, List<DirectoryRepository.PlaceData> places, Actor actor) {
        repository.replaceDetails(id, data, places);
        data.italian().forEach((field, value) -> repository.saveText(id, field, "it", value, TranslationState.REVIEWED,
                actor.username()));
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new RuleViolationException("version", "edit.version.required");
        }
        return version;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static Instant instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
