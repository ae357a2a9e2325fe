package it.labimpact.activity;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.territory.TerritoryCatalogue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to activities, their sessions and the activity types. Operators and leads change their own
 * network's activities, coordinators and administrators any; governance and evaluators only read. Types
 * are changed by coordinators and administrators. Every change is audited in the same transaction. A session dated
 * in a quarter the coordinator has approved for the activity's network is neither added, moved nor deleted, and
 * none is moved into such a quarter ({@link LockedPeriods}).
 */
@Service
@Transactional
public class ActivityManagement {

    private static final Set<Role> EDITORS = Set.of(Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN);

    private final ApplicationEventPublisher events;
    private final ActivityRepository repository;
    private final ActivityCatalogue catalogue;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final AuditTrail audit;
    private final LockedPeriods locks;

    ActivityManagement(ActivityRepository repository, ActivityCatalogue catalogue, Partnership partnership,
            TerritoryCatalogue territory, AuditTrail audit, ApplicationEventPublisher events, LockedPeriods locks) {
        this.events = events;
        this.locks = locks;
        this.repository = repository;
        this.catalogue = catalogue;
        this.partnership = partnership;
        this.territory = territory;
        this.audit = audit;
    }

    /** Whether the actor may change activities of the given network. */
    public static boolean canChange(Actor actor, String networkCode) {
        return actor.canManageProject() || (EDITORS.contains(actor.role()) && networkCode != null
                && networkCode.equals(actor.networkCode()));
    }

    /** Whether the actor may create activities at all (in their network, or in any for project roles). */
    public static boolean canCreate(Actor actor) {
        return EDITORS.contains(actor.role());
    }

    // --- activities ---

    public long create(ActivityData data) {
        Actor actor = editor();
        List<String> languages = check(actor, data, null);
        long id = repository.insertActivity(data, languages, false);
        repository.replaceOrganisations(id, data.leadOrganisationId(), others(data));
        audit.record("activity.create", "activity_activity", id, Map.of("network", data.networkCode(),
                "type", data.typeCode(), "title", data.title().strip(), "organisations", data.allOrganisations()));
        return id;
    }

    /** Changes an activity read at {@code data.version()}. */
    public void update(long id, ActivityData data) {
        ActivityRepository.ActivityRow row = catalogue.readable(id);
        Actor actor = editor();
        if (!canChange(actor, row.networkCode())) {
            throw new AccessDeniedException("Not allowed to change activity " + id);
        }
        if (data.version() == null) {
            throw new RuleViolationException("version", "edit.version.required");
        }
        List<String> languages = check(actor, data, row);
        long outside = repository.sessionsOutside(id, data.startDate(), data.endDate());
        if (outside > 0) {
            throw new RuleViolationException("startDate", "activity.dates.sessionsOutside", outside);
        }
        List<Long> before = repository.organisations(id).stream()
                .map(ActivityRepository.OrganisationRow::organisationId).toList();
        if (repository.updateActivity(id, data.version(), data, languages) == 0) {
            throw new ConcurrentEditException("activity", id);
        }
        repository.replaceOrganisations(id, data.leadOrganisationId(), others(data));
        Map<String, Object> changes = changes(row, data, languages);
        if (!before.equals(data.allOrganisations())) {
            changes.put("organisations", data.allOrganisations());
        }
        audit.record("activity.update", "activity_activity", id, changes);
        if (row.plannedHours().compareTo(data.plannedHours()) != 0 || !row.typeCode().equals(data.typeCode())) {
            events.publishEvent(new ActivityPlanChanged(List.of(id)));
        }
    }

    // --- sessions ---

    public long addSession(long activityId, SessionData data) {
        ActivityRepository.ActivityRow activity = changeable(activityId);
        BigDecimal hours = checkSession(activity, data);
        locks.ensureOpen(activity.networkCode(), data.date());
        long id = repository.insertSession(activityId, data, hours);
        audit.record("activity.session.add", "activity_session", id, sessionDetails(activityId, data, hours));
        return id;
    }

    /** Changes a session read at {@code data.version()}. */
    public void updateSession(long activityId, long sessionId, SessionData data) {
        ActivityRepository.ActivityRow activity = changeable(activityId);
        SessionView before = repository.session(activityId, sessionId)
                .orElseThrow(() -> new RecordNotFoundException("session", sessionId));
        if (data.version() == null) {
            throw new RuleViolationException("version", "edit.version.required");
        }
        BigDecimal hours = checkSession(activity, data);
        locks.ensureOpen(activity.networkCode(), before.date());
        locks.ensureOpen(activity.networkCode(), data.date());
        if (repository.updateSession(activityId, sessionId, data.version(), data, hours) == 0) {
            throw new ConcurrentEditException("session", sessionId);
        }
        audit.record("activity.session.update", "activity_session", sessionId,
                sessionDetails(activityId, data, hours));
    }

    public void deleteSession(long activityId, long sessionId, int version) {
        ActivityRepository.ActivityRow activity = changeable(activityId);
        SessionView session = repository.session(activityId, sessionId)
                .orElseThrow(() -> new RecordNotFoundException("session", sessionId));
        locks.ensureOpen(activity.networkCode(), session.date());
        int deleted;
        try {
            deleted = repository.deleteSession(activityId, sessionId, version);
        } catch (DataIntegrityViolationException e) {
            // other records (attendance) refer to the session: it stays
            throw new RuleViolationException(null, "session.delete.referenced");
        }
        if (deleted == 0) {
            throw new ConcurrentEditException("session", sessionId);
        }
        audit.record("activity.session.delete", "activity_session", sessionId,
                Map.of("activity", activityId, "date", session.date().toString()));
    }

    // --- types ---

    public void createType(ActivityTypeData data) {
        coordination();
        if (repository.type(data.code().strip()).isPresent()) {
            throw new RuleViolationException("code", "activityType.code.duplicate", data.code().strip());
        }
        try {
            repository.insertType(data);
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("code", "activityType.code.duplicate", data.code().strip());
        }
        audit.record("activity.type.create", "activity_type", data.code().strip(), typeDetails(data));
    }

    /** Changes a type read at {@code data.version()}; its code stays. */
    public void updateType(String code, ActivityTypeData data) {
        coordination();
        ActivityTypeView before = repository.type(code)
                .orElseThrow(() -> new RecordNotFoundException("activity type", code));
        if (data.version() == null) {
            throw new RuleViolationException("version", "edit.version.required");
        }
        if (repository.updateType(code, data.version(), data) == 0) {
            throw new ConcurrentEditException("activity type", code);
        }
        audit.record("activity.type.update", "activity_type", code, typeDetails(data));
        if (before.completionThreshold().compareTo(data.completionThreshold()) != 0) {
            List<Long> affected = repository.activityIdsOfType(code);
            if (!affected.isEmpty()) {
                events.publishEvent(new ActivityPlanChanged(affected));
            }
        }
    }

    // --- checks ---

    private static Actor editor() {
        Actor actor = Actor.require();
        if (!canCreate(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " does not change activities");
        }
        return actor;
    }

    private static void coordination() {
        if (!Actor.require().canManageProject()) {
            throw new AccessDeniedException("Only coordinators and administrators change activity types");
        }
    }

    /** The activity, when the actor may read it (404 otherwise) and change it (403 otherwise). */
    private ActivityRepository.ActivityRow changeable(long activityId) {
        ActivityRepository.ActivityRow row = catalogue.readable(activityId);
        if (!canChange(editor(), row.networkCode())) {
            throw new AccessDeniedException("Not allowed to change activity " + activityId);
        }
        return row;
    }

    /** Checks an activity's fields against the rules; returns its clean language codes. */
    private List<String> check(Actor actor, ActivityData d, ActivityRepository.ActivityRow current) {
        if (!actor.canManageProject() && !Objects.equals(d.networkCode(), actor.networkCode())) {
            throw new RuleViolationException("networkCode", "activity.network.foreign");
        }
        NetworkDetail network = partnership.network(d.networkCode())
                .orElseThrow(() -> new RuleViolationException("networkCode", "activity.network.unknown"));
        ActivityTypeView type = repository.type(d.typeCode())
                .orElseThrow(() -> new RuleViolationException("typeCode", "activity.type.unknown", d.typeCode()));
        boolean unchangedType = current != null && current.typeCode().equals(d.typeCode());
        if (!type.active() && !unchangedType) {
            throw new RuleViolationException("typeCode", "activity.type.inactive", type.labelIt());
        }
        ActivityRules.checkDates(d.startDate(), d.endDate());
        ActivityRules.checkPlannedHours(d.plannedHours());
        ActivityRules.checkCapacity(d.capacity());
        if (territory.comune(d.comuneIstat()).isEmpty()) {
            throw new RuleViolationException("comuneIstat", "activity.comune.unknown", d.comuneIstat());
        }
        checkOrganisations(d, network);
        return ActivityRules.languages(d.languages());
    }

    /** The lead and every co-delivering organisation are current members of the activity's network. */
    private void checkOrganisations(ActivityData d, NetworkDetail network) {
        if (d.leadOrganisationId() == null) {
            throw new RuleViolationException("leadOrganisationId", "activity.lead.required");
        }
        Set<Long> members = network.members().stream().filter(Member::active).map(Member::organisationId)
                .collect(java.util.stream.Collectors.toSet());
        for (Long org : d.allOrganisations()) {
            if (!members.contains(org)) {
                String field = org.equals(d.leadOrganisationId()) ? "leadOrganisationId" : "organisationIds";
                String name = partnership.organisation(org).map(o -> o.summary().name()).orElse(null);
                if (name == null) {
                    throw new RuleViolationException(field, "activity.organisation.unknown", org);
                }
                throw new RuleViolationException(field, "activity.organisation.notMember", name,
                        network.summary().name());
            }
        }
    }

    private static BigDecimal checkSession(ActivityRepository.ActivityRow activity, SessionData data) {
        ActivityRules.checkWithin(data.date(), activity.startDate(), activity.endDate());
        return ActivityRules.sessionHours(data);
    }

    private static List<Long> others(ActivityData d) {
        return d.allOrganisations().stream().filter(o -> !o.equals(d.leadOrganisationId())).toList();
    }

    private static Map<String, Object> changes(ActivityRepository.ActivityRow b, ActivityData a,
            List<String> languages) {
        Map<String, Object> changed = new LinkedHashMap<>();
        put(changed, "network", b.networkCode(), a.networkCode());
        put(changed, "type", b.typeCode(), a.typeCode());
        put(changed, "title", b.title(), a.title().strip());
        put(changed, "description", b.description(), a.description());
        put(changed, "comune", b.comuneIstat(), a.comuneIstat());
        put(changed, "venue", b.venue(), a.venue());
        put(changed, "startDate", b.startDate(), a.startDate());
        put(changed, "endDate", b.endDate(), a.endDate());
        put(changed, "plannedHours", b.plannedHours().stripTrailingZeros(), a.plannedHours().stripTrailingZeros());
        put(changed, "languages", b.languages(), languages);
        put(changed, "capacity", b.capacity(), a.capacity());
        put(changed, "targetGroup", b.targetGroup(), a.targetGroup());
        put(changed, "status", b.status(), a.status());
        return changed;
    }

    private static void put(Map<String, Object> changed, String field, Object before, Object after) {
        Object x = before instanceof String s && s.isBlank() ? null : before;
        Object y = after instanceof String s && s.isBlank() ? null : after;
        if (y instanceof String s) {
            y = s.strip();
        }
        if (!Objects.equals(x, y)) {
            changed.put(field, String.valueOf(y));
        }
    }

    private static Map<String, Object> sessionDetails(long activityId, SessionData d, BigDecimal hours) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("activity", activityId);
        details.put("date", d.date().toString());
        details.put("start", String.valueOf(d.startTime()));
        details.put("end", String.valueOf(d.endTime()));
        details.put("hours", hours.toPlainString());
        return details;
    }

    private static Map<String, Object> typeDetails(ActivityTypeData d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", d.action());
        details.put("labelIt", d.labelIt().strip());
        details.put("labelEn", d.labelEn().strip());
        details.put("countsFor", String.valueOf(d.countsFor()));
        details.put("completionThreshold", d.completionThreshold().toPlainString());
        details.put("active", Boolean.TRUE.equals(d.active()));
        return details;
    }
}
