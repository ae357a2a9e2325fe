package it.labimpact.directory;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityDetail;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.activity.SessionView;
import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RuleViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registry activities published in the directory with one action, no double entry: an activity of the actor's
 * network becomes a draft event — title, description, target group, languages, comune and venue (the address;
 * the comune's name without one), the lead (or the
 * actor's own) organisation, the first and last session as start and end, categories from the activity's type —
 * that the network lead reviews and publishes like any other entry. The entry remembers the activity: asking again
 * gives the same entry. Activities for staff (operator training, network meetings), cancelled or already ended are
 * refused with a field message.
 */
@Service
public class ActivityPublishing {

    /** Activity types that are not for the public. */
    private static final Set<String> STAFF_ONLY = Set.of("OPERATOR_TRAINING", "NETWORK_MEETING");

    /** The directory's categories of the activity types of the catalogue; a type not listed gets none. */
    private static final Map<String, Set<DirectoryCategory>> CATEGORIES = Map.ofEntries(
            Map.entry("ITALIAN_L2", EnumSet.of(DirectoryCategory.ITALIAN_LANGUAGE)),
            Map.entry("DIGITAL_SKILLS", EnumSet.of(DirectoryCategory.DIGITAL_SKILLS)),
            Map.entry("CIVIC_ORIENTATION", EnumSet.of(DirectoryCategory.CIVIC_ORIENTATION)),
            Map.entry("INFO_SESSION", EnumSet.of(DirectoryCategory.CIVIC_ORIENTATION)),
            Map.entry("PROFESSIONAL_GUIDANCE", EnumSet.of(DirectoryCategory.WORK_GUIDANCE)),
            Map.entry("SKILLS_ASSESSMENT", EnumSet.of(DirectoryCategory.SKILLS_RECOGNITION)),
            Map.entry("SCHOOL_TO_WORK", EnumSet.of(DirectoryCategory.SCHOOL_YOUTH, DirectoryCategory.WORK_GUIDANCE)),
            Map.entry("INFO_DESK", EnumSet.of(DirectoryCategory.DOCUMENTS_PERMITS)),
            Map.entry("FAMILY_REUNIFICATION", EnumSet.of(DirectoryCategory.FAMILY,
                    DirectoryCategory.DOCUMENTS_PERMITS)),
            Map.entry("COMMUNITY_EVENT", EnumSet.of(DirectoryCategory.COMMUNITY)),
            Map.entry("INTERCULTURAL_MEDIATION", EnumSet.of(DirectoryCategory.COMMUNITY)));

    private final ActivityCatalogue activities;
    private final DirectoryEditorial editorial;
    private final DirectoryRepository repository;
    private final AuditTrail audit;

    ActivityPublishing(ActivityCatalogue activities, DirectoryEditorial editorial, DirectoryRepository repository,
            AuditTrail audit) {
        this.activities = activities;
        this.editorial = editorial;
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * The activities of the actor's network that can still be published (not ended, not cancelled, for the public),
     * the next to start first; none for project-wide roles, who have no network of their own.
     */
    @Transactional(readOnly = true)
    public List<ActivitySummary> candidates() {
        Actor actor = Actor.require();
        if (actor.networkCode() == null) {
            return List.of();
        }
        return activities.activities(new ActivityQuery(actor.networkCode(), null, null, null, null, null,
                DirectoryEditorial.today(), null), new PageRequest(0, 200)).items().stream()
                .filter(a -> a.status() != ActivityStatus.CANCELLED && !STAFF_ONLY.contains(a.type().code()))
                .sorted(Comparator.comparing(ActivitySummary::startDate)).toList();
    }

    /**
     * The directory entry of an activity: the one drafted before, or a new draft event.
     *
     * @throws it.labimpact.shared.RecordNotFoundException for an activity the actor may not read
     */
    @Transactional
    public UUID draft(long activityId) {
        ActivityDetail a = activities.detail(activityId);
        Optional<UUID> existing = repository.entryForActivity(activityId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (STAFF_ONLY.contains(a.type().code())) {
            throw new RuleViolationException("activityId", "directory.activity.staff");
        }
        if (a.status() == ActivityStatus.CANCELLED || a.endDate().isBefore(DirectoryEditorial.today())) {
            throw new RuleViolationException("activityId", "directory.activity.over");
        }
        UUID id = editorial.create(entry(a, Actor.require()));
        repository.linkActivity(id, activityId);
        audit.record("directory.fromActivity", "directory_entry", id, Map.of("activity", activityId));
        return id;
    }

    private static EntryData entry(ActivityDetail a, Actor actor) {
        long organisation = a.organisations().stream()
                .filter(o -> actor.organisationId() != null && o.id() == actor.organisationId()).findFirst()
                .or(() -> a.organisations().stream().filter(ActivityDetail.DeliveringOrganisation::lead).findFirst())
                .map(ActivityDetail.DeliveringOrganisation::id)
                .orElseThrow(() -> new RuleViolationException("activityId", "directory.activity.noOrganisation"));
        List<SessionView> sessions = a.sessions().stream()
                .sorted(Comparator.comparing(SessionView::date)).toList();
        LocalDateTime starts = sessions.isEmpty() ? a.startDate().atTime(LocalTime.of(9, 0))
                : at(sessions.get(0).date(), sessions.get(0).startTime(), LocalTime.of(9, 0));
        LocalDateTime ends = sessions.isEmpty() ? null
                : at(sessions.get(sessions.size() - 1).date(), sessions.get(sessions.size() - 1).endTime(), null);
        Map<TextField, String> italian = new LinkedHashMap<>();
        italian.put(TextField.NAME, a.title());
        italian.put(TextField.DESCRIPTION, a.description() == null ? "" : a.description());
        italian.put(TextField.AUDIENCE, a.targetGroup() == null ? "" : a.targetGroup());
        return new EntryData(EntryKind.EVENT, a.networkCode(), organisation,
                CATEGORIES.getOrDefault(a.type().code(), Set.of()), true,
                a.languages() == null || a.languages().isEmpty() ? List.of("it") : a.languages(), null, null, null,
                starts, ends != null && ends.isAfter(starts) ? ends : null, italian,
                List.of(new EntryData.Place(null, a.venue() == null || a.venue().isBlank() ? a.comuneName() : a.venue(),
                        null, a.comuneIstat(), null, null)), List.of(),
                List.of(), null);
    }

    private static LocalDateTime at(LocalDate day, LocalTime time, LocalTime otherwise) {
        LocalTime t = time != null ? time : otherwise;
        return t == null ? null : day.atTime(t);
    }
}
