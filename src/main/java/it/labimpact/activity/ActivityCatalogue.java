package it.labimpact.activity;

import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkName;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.territory.Comune;
import it.labimpact.territory.ComuneQuery;
import it.labimpact.territory.TerritoryCatalogue;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity module's door for reading. Project-scope roles read every network's activities; network- and
 * organisation-scoped users read their own network's only, and another network's activity is "not found".
 */
@Service
@Transactional(readOnly = true)
public class ActivityCatalogue {

    private final ActivityRepository repository;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;

    ActivityCatalogue(ActivityRepository repository, Partnership partnership, TerritoryCatalogue territory) {
        this.repository = repository;
        this.partnership = partnership;
        this.territory = territory;
    }

    /** Every activity type, active or not, by action. */
    public List<ActivityTypeView> types() {
        return repository.types();
    }

    /** The types a new activity may have. */
    public List<ActivityTypeView> activeTypes() {
        return repository.types().stream().filter(ActivityTypeView::active).toList();
    }

    public Optional<ActivityTypeView> type(String code) {
        return repository.type(code);
    }

    /** The activities the current actor may read that match the filters, latest start first. */
    public PageResponse<ActivitySummary> activities(ActivityQuery q, PageRequest page) {
        return activities(q, page, repository.types(), partnership.networkNames());
    }

    /**
     * A list page: the activities as {@link #activities}, with the types and the networks the actor may choose among
     * in its filters, each read once (the rows need them too).
     */
    public record ListPage(PageResponse<ActivitySummary> result, List<ActivityTypeView> types,
            List<NetworkName> networks) {
    }

    public ListPage listPage(ActivityQuery q, PageRequest page) {
        Actor actor = Actor.require();
        List<ActivityTypeView> types = repository.types();
        Map<String, String> names = partnership.networkNames();
        List<NetworkName> choices = names.entrySet().stream().filter(e -> actor.canRead(e.getKey()))
                .map(e -> new NetworkName(e.getKey(), e.getValue())).toList();
        return new ListPage(activities(q, page, types, names), types, choices);
    }

    private PageResponse<ActivitySummary> activities(ActivityQuery q, PageRequest page, List<ActivityTypeView> typeList,
            Map<String, String> networks) {
        Actor actor = Actor.require();
        String network = actor.seesWholeProject() ? blankToNull(q.network()) : ownNetwork(actor);
        List<String> comuni = q.comune() == null || q.comune().isBlank() ? null
                : territory.allComuni(new ComuneQuery(null, q.comune().strip(), null)).stream()
                        .map(Comune::istatCode).toList();
        ActivityRepository.Filter filter = new ActivityRepository.Filter(network, blankToNull(q.type()),
                blankToNull(q.action()), q.status(), comuni, q.text(), q.from(), q.to());
        List<ActivityRepository.ActivityRow> rows = repository.activities(filter, page.offset(), page.size());
        Map<String, ActivityTypeView> types = typeList.stream()
                .collect(Collectors.toMap(ActivityTypeView::code, Function.identity()));
        Map<String, Comune> places = comuni(rows.stream().map(ActivityRepository.ActivityRow::comuneIstat).toList());
        List<ActivitySummary> items = rows.stream().map(r -> {
            Comune c = places.get(r.comuneIstat());
            return new ActivitySummary(r.id(), r.title(), r.networkCode(), networks.get(r.networkCode()),
                    types.get(r.typeCode()), r.comuneIstat(), c == null ? null : c.name(),
                    c == null ? null : c.provinceSigla(), r.venue(), r.startDate(), r.endDate(), r.plannedHours(),
                    r.status(), r.sessions(), r.demo());
        }).toList();
        return PageResponse.counted(items, page, () -> repository.count(filter, PageResponse.countUpTo(page)));
    }

    /**
     * One activity with its organisations and sessions.
     *
     * @throws RecordNotFoundException when it does not exist or belongs to a network the actor may not read
     */
    public ActivityDetail detail(long id) {
        ActivityRepository.ActivityRow r = readable(id);
        Map<Long, String> memberNames = partnership.network(r.networkCode()).map(n -> n.members().stream()
                .collect(Collectors.toMap(Member::organisationId, Member::organisationName, (a, b) -> a)))
                .orElse(Map.of());
        List<ActivityDetail.DeliveringOrganisation> organisations = repository.organisations(id).stream()
                .map(o -> new ActivityDetail.DeliveringOrganisation(o.organisationId(),
                        Optional.ofNullable(memberNames.get(o.organisationId())).orElseGet(() -> partnership
                                .organisation(o.organisationId()).map(d -> d.summary().name()).orElse("#"
                                        + o.organisationId())),
                        o.lead()))
                .toList();
        List<SessionView> sessions = repository.sessions(id);
        BigDecimal scheduled = sessions.stream().map(SessionView::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        Comune c = territory.comune(r.comuneIstat()).orElse(null);
        return new ActivityDetail(r.id(), r.version(), r.title(), r.networkCode(), networkNames().get(r.networkCode()),
                typesByCode().get(r.typeCode()), r.comuneIstat(), c == null ? null : c.name(),
                c == null ? null : c.provinceSigla(), r.venue(), r.startDate(), r.endDate(), r.plannedHours(),
                r.languages(), r.capacity(), r.targetGroup(), r.description(), r.status(), r.demo(), organisations,
                sessions, scheduled);
    }

    /** The sessions of an activity the actor may read ({@link RecordNotFoundException} otherwise). */
    public List<SessionView> sessions(long activityId) {
        readable(activityId);
        return repository.sessions(activityId);
    }

    /** The sessions of a month the actor may read, optionally of one network, in time order. */
    public List<CalendarEntry> calendar(YearMonth month, String network) {
        Actor actor = Actor.require();
        String scoped = actor.seesWholeProject() ? blankToNull(network) : ownNetwork(actor);
        return repository.calendar(month.atDay(1), month.atEndOfMonth(), scoped);
    }

    /**
     * What other modules need of an activity (network, type, indicator code, planned hours, completion
     * threshold, dates), unscoped: the caller checks {@link ActivityRef#networkCode()} against its actor.
     */
    public Optional<ActivityRef> activity(long id) {
        return repository.activity(id).map(r -> {
            ActivityTypeView t = repository.type(r.typeCode()).orElseThrow();
            return new ActivityRef(r.id(), r.networkCode(), r.typeCode(), t.action(), t.countsFor(), r.plannedHours(),
                    t.completionThreshold(), r.startDate(), r.endDate(), r.status());
        });
    }

    /** Networks whose activities the actor may read: all for project scope, otherwise their own. */
    public List<NetworkSummary> readableNetworks() {
        Actor actor = Actor.require();
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    ActivityRepository.ActivityRow readable(long id) {
        return repository.activity(id).filter(r -> Actor.require().canRead(r.networkCode()))
                .orElseThrow(() -> new RecordNotFoundException("activity", id));
    }

    private Map<String, ActivityTypeView> typesByCode() {
        return repository.types().stream().collect(Collectors.toMap(ActivityTypeView::code, Function.identity()));
    }

    private Map<String, String> networkNames() {
        return partnership.networkNames();
    }

    private Map<String, Comune> comuni(Collection<String> codes) {
        List<String> distinct = codes.stream().distinct().toList();
        return distinct.isEmpty() ? Map.of() : territory.allComuni(new ComuneQuery(null, null, distinct)).stream()
                .collect(Collectors.toMap(Comune::istatCode, Function.identity()));
    }

    /** A scoped actor's network; a scoped actor without one reads nothing (a code no network has). */
    private static String ownNetwork(Actor actor) {
        return actor.networkCode() == null ? "" : actor.networkCode();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
