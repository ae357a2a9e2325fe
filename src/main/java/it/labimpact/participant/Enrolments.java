package it.labimpact.participant;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityPlanChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import it.labimpact.activity.ActivityDetail;
import it.labimpact.activity.ActivityRef;
import it.labimpact.activity.SessionView;
import it.labimpact.audit.AuditTrail;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.PeriodLockedException;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolments (iscrizioni) of participants in activities, their attendance session by session (registro
 * presenze), and completion.
 *
 * <p>Rules: operators and network leads enrol their network's participants in their network's activities;
 * coordinators and administrators any participant, but always in an activity of the participant's own network.
 * A person is enrolled once per activity. Attendance is recorded a whole session at a time, all or nothing, for
 * sessions of the enrolment's activity that have taken place, with hours between 0 and the session's. A withdrawn enrolment keeps its
 * attendance and takes no new one. An enrolment is COMPLETED when the hours attended reach the activity type's
 * share of the planned hours ({@link CompletionRule}); the status follows the attendance whenever it changes.
 * Every change is audited; changes carry the version they were read at. Changes to facts dated in a quarter the
 * coordinator has approved are refused ({@link LockedPeriods}): the enrolment day, the end day before and after a
 * status change, the day of each session recorded.
 */
@Service
@Transactional
public class Enrolments {

    private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN);

    private final EnrolmentRepository repository;
    private final ParticipantRepository participants;
    private final ParticipantRegistry registry;
    private final ActivityCatalogue activities;
    private final AuditTrail audit;
    private final LockedPeriods locks;
    private final Clock clock;

    Enrolments(EnrolmentRepository repository, ParticipantRepository participants, ParticipantRegistry registry,
            ActivityCatalogue activities, AuditTrail audit, LockedPeriods locks, Optional<Clock> clock) {
        this.repository = repository;
        this.locks = locks;
        this.participants = participants;
        this.registry = registry;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    // --- enrolment ---

    /**
     * Enrols a participant in an activity of the same network.
     *
     * @param enrolledOn the day of enrolment; today when {@code null}
     */
    public EnrolmentView enrol(UUID participantId, long activityId, LocalDate enrolledOn) {
        Actor actor = ParticipantRegistry.requireRole(STAFF);
        ParticipantSummary participant = participant(actor, participantId);
        ActivityRef activity = activity(actor, activityId);
        long id = enrol(actor, participant, activity, enrolledOn, locks::ensureOpen);
        return view(repository.find(id).orElseThrow(), activity);
    }

    /**
     * Enrolments of one upload: the same checks, refusals and audit as {@link #enrol}, with each activity read
     * once per upload (with its type) and no view read back. For use inside the upload's transaction only.
     */
    public Enroller enroller() {
        return new Enroller(ParticipantRegistry.requireRole(STAFF));
    }

    /** See {@link #enroller()}. */
    public final class Enroller {

        private final Actor actor;
        private final Map<Long, Optional<ActivityRef>> activities = new java.util.HashMap<>();
        private final Set<String> open = new HashSet<>();

        private Enroller(Actor actor) {
            this.actor = actor;
        }

        /**
         * As {@link Enrolments#enrol} for the record an intake row stands for (a record just registered is not
         * read back; a row of a {@link ParticipantRegistry.Batch} is answered from its chunk and written with it).
         */
        public void enrol(ParticipantRegistry.Admission admission, long activityId, LocalDate enrolledOn) {
            Optional<ChunkLookups> chunk = admission.chunk();
            ParticipantSummary participant = admission.written()
                    .filter(p -> inScope(actor, p.networkCode(), p.organisationId()))
                    .orElseGet(() -> chunk.isEmpty() ? participant(actor, admission.participantId())
                            : chunk.get().find(admission.participantId())
                                    .filter(p -> inScope(actor, p.networkCode(), p.organisationId()))
                                    .orElseThrow(() -> new RecordNotFoundException("participant",
                                            admission.participantId())));
            ActivityRef activity = required(activityId);
            LocalDate on = Enrolments.this.check(participant, activity, enrolledOn, this::ensureOpen);
            insert(admission, participant.id(), activity.id(), on);
        }

        /**
         * Whether the record an intake row stands for is enrolled in the activity, as {@link Enrolments#list} of
         * the actor's scope would count it.
         */
        public boolean enrolled(ParticipantRegistry.Admission admission, long activityId) {
            Optional<ChunkLookups> chunk = admission.chunk();
            if (chunk.isEmpty()) {
                return list(activityId, admission.participantId(), new PageRequest(0, 1)).total() > 0;
            }
            return chunk.get().find(admission.participantId())
                    .filter(p -> inScope(actor, p.networkCode(), p.organisationId())).isPresent()
                    && chunk.get().enrolled(admission.participantId(), activityId);
        }

        /**
         * The checks of {@link #enrol} for a person an intake row is about to register ({@link
         * ParticipantRegistry.Intake#check}), before anything of the row is written; returns the day of enrolment.
         */
        public LocalDate check(ParticipantRegistry.Admission pending, long activityId, LocalDate enrolledOn) {
            ParticipantSummary participant = pending.provisional()
                    .orElseThrow(() -> new IllegalStateException("Not a pending registration"));
            return Enrolments.this.check(participant, required(activityId), enrolledOn, this::ensureOpen);
        }

        /** Writes an enrolment checked by {@link #check} once the registration is written (or staged). */
        public void write(ParticipantRegistry.Admission registered, long activityId, LocalDate on) {
            insert(registered, registered.participantId(), activityId, on);
        }

        private void insert(ParticipantRegistry.Admission admission, UUID participant, long activityId,
                LocalDate on) {
            Optional<ChunkLookups> chunk = admission.chunk();
            if (chunk.isEmpty()) {
                Enrolments.this.insert(actor, participant, activityId, on);
                return;
            }
            ChunkLookups.NewEnrolment pending = chunk.get().enrol(participant, activityId, on);
            chunk.get().audit("enrolment.create", "enrolment", pending, Map.of("participant", participant.toString(),
                    "activity", activityId, "enrolledOn", on.toString()));
        }

        /** As {@link LockedPeriods#ensureOpen}, asked once per network and day found open. */
        private void ensureOpen(String network, LocalDate day) {
            if (!open.contains(network + "|" + day)) {
                locks.ensureOpen(network, day);
                open.add(network + "|" + day);
            }
        }

        /** The activity as {@link ActivityCatalogue#activity}, read once per upload. */
        public Optional<ActivityRef> activity(long activityId) {
            return activities.computeIfAbsent(activityId, Enrolments.this.activities::activity)
                    .filter(a -> actor.canRead(a.networkCode()));
        }

        private ActivityRef required(long activityId) {
            return activity(activityId)
                    .orElseThrow(() -> new RecordNotFoundException("activity", activityId));
        }
    }

    private long enrol(Actor actor, ParticipantSummary participant, ActivityRef activity, LocalDate enrolledOn,
            java.util.function.BiConsumer<String, LocalDate> ensureOpen) {
        LocalDate on = check(participant, activity, enrolledOn, ensureOpen);
        return insert(actor, participant.id(), activity.id(), on);
    }

    /** The checks of {@link #enrol}, reading only; returns the day of enrolment. */
    private LocalDate check(ParticipantSummary participant, ActivityRef activity, LocalDate enrolledOn,
            java.util.function.BiConsumer<String, LocalDate> ensureOpen) {
        if (participant.erased()) {
            throw new RuleViolationException("participantId", "enrolment.participant.erased");
        }
        if (!participant.networkCode().equals(activity.networkCode())) {
            throw new RuleViolationException("activityId", "enrolment.otherNetwork");
        }
        LocalDate on = enrolledOn == null ? LocalDate.now(clock) : enrolledOn;
        if (on.isAfter(activity.endDate())) {
            throw new RuleViolationException("enrolledOn", "enrolment.date.afterEnd");
        }
        if (on.isAfter(LocalDate.now(clock).plusYears(1)) || on.isBefore(participant.firstContactDate())) {
            throw new RuleViolationException("enrolledOn", "enrolment.date.impossible");
        }
        ensureOpen.accept(participant.networkCode(), on);
        return on;
    }

    private long insert(Actor actor, UUID participantId, long activityId, LocalDate on) {
        long id = repository.insert(participantId, activityId, on, actor.username())
                .orElseThrow(() -> new RuleViolationException("participantId", "enrolment.duplicate"));
        audit.record("enrolment.create", "enrolment", id, Map.of("participant", participantId.toString(),
                "activity", activityId, "enrolledOn", on.toString()));
        return id;
    }

    /** An enrolment whose participant is in the actor's scope ({@link RecordNotFoundException} otherwise). */
    @Transactional(readOnly = true)
    public EnrolmentView enrolment(long id) {
        EnrolmentRepository.EnrolmentRow row = visible(ParticipantRegistry.requireRole(STAFF), id);
        return view(row, activities.activity(row.activityId()).orElseThrow());
    }

    /** The enrolments of an activity and/or a participant, within the actor's scope, latest first. */
    @Transactional(readOnly = true)
    public PageResponse<EnrolmentView> list(Long activityId, UUID participantId, PageRequest page) {
        Actor actor = ParticipantRegistry.requireRole(STAFF);
        String network = actor.seesWholeProject() ? null : Objects.requireNonNullElse(actor.networkCode(), "");
        Long organisation = actor.scope() == ScopeType.ORGANISATION ? actor.organisationId() : null;
        List<EnrolmentRepository.EnrolmentRow> rows = repository.list(activityId, participantId, network, organisation,
                page.offset(), page.size());
        Map<Long, ActivityRef> refs = new HashMap<>();
        List<EnrolmentView> items = rows.stream().map(r -> view(r, refs.computeIfAbsent(r.activityId(),
                a -> activities.activity(a).orElseThrow()))).toList();
        return new PageResponse<>(items, page.page(), page.size(),
                repository.count(activityId, participantId, network, organisation));
    }

    /**
     * Changes an enrolment's status: {@code WITHDRAWN} with a reason (and optionally the day), or back to an active
     * status, which the attendance then decides. {@code COMPLETED} cannot be set by hand: only when the rule is
     * met.
     */
    public EnrolmentView change(long id, int version, EnrolmentStatus status, String reason, LocalDate endedOn) {
        Actor actor = ParticipantRegistry.requireRole(STAFF);
        EnrolmentRepository.EnrolmentRow row = visible(actor, id);
        ActivityRef activity = activities.activity(row.activityId()).orElseThrow();
        if (status == null) {
            throw new RuleViolationException("status", "enrolment.status.required");
        }
        if (status == EnrolmentStatus.WITHDRAWN) {
            String why = reason == null ? "" : reason.strip();
            if (why.length() < 2 || why.length() > 500) {
                throw new RuleViolationException("reason", "enrolment.reason.required");
            }
            LocalDate on = endedOn == null ? LocalDate.now(clock) : endedOn;
            if (on.isBefore(row.enrolledOn()) || on.isAfter(LocalDate.now(clock))) {
                throw new RuleViolationException("endedOn", "enrolment.date.impossible");
            }
            locks.ensureOpen(row.networkCode(), row.endedOn());
            locks.ensureOpen(row.networkCode(), on);
            if (repository.update(id, version, status, why, on) == 0) {
                throw new ConcurrentEditException("enrolment", id);
            }
            audit.record("enrolment.withdraw", "enrolment", id, Map.of("from", row.status().name(), "on",
                    on.toString()));
        } else {
            Status next = statusFor(row, activity);
            if (status == EnrolmentStatus.COMPLETED && next.status() != EnrolmentStatus.COMPLETED) {
                throw new RuleViolationException("status", "enrolment.status.completedByRule");
            }
            locks.ensureOpen(row.networkCode(), row.endedOn());
            locks.ensureOpen(row.networkCode(), next.endedOn());
            if (repository.update(id, version, next.status(), null, next.endedOn()) == 0) {
                throw new ConcurrentEditException("enrolment", id);
            }
            audit.record("enrolment.status", "enrolment", id, Map.of("from", row.status().name(), "to",
                    next.status().name()));
        }
        return view(repository.find(id).orElseThrow(), activity);
    }

    /** Recomputes the status of an enrolment from its attendance (a withdrawn one stays withdrawn). */
    public EnrolmentView recompute(long id) {
        EnrolmentRepository.EnrolmentRow row = visible(ParticipantRegistry.requireRole(STAFF), id);
        ActivityRef activity = activities.activity(row.activityId()).orElseThrow();
        follow(row, activity);
        return view(repository.find(id).orElseThrow(), activity);
    }

    /**
     * Brings the statuses of an activity's enrolments in line when its planned hours, its type or its type's
     * completion threshold change (after that change has committed, in a transaction of its own; the event
     * publication registry retries a failure). An enrolment whose completion would change in an approved (locked)
     * quarter keeps its status, and the audit trail says so: it follows when the coordinator reopens the quarter and
     * the status is recomputed.
     */
    @ApplicationModuleListener
    public void on(ActivityPlanChanged event) {
        Actor.runAs(Actor.SYSTEM, () -> {
            for (long activityId : event.activityIds()) {
                activities.activity(activityId).ifPresent(activity ->
                        repository.list(activityId, null, null, null, 0, Integer.MAX_VALUE)
                                .forEach(row -> followUnlessLocked(row, activity)));
            }
        });
    }

    // --- attendance ---

    /**
     * The class register of an activity the actor may read, with the names of the participants in scope (one
     * audited read of personal data).
     */
    public ClassRegister register(long activityId) {
        Actor actor = ParticipantRegistry.requireRole(STAFF);
        ActivityDetail detail = activities.detail(activityId);
        ActivityRef activity = activity(actor, activityId);
        List<EnrolmentRepository.EnrolmentRow> rows = rowsOf(actor, activityId);
        Map<UUID, ParticipantSummary> summaries = rows.stream().map(r -> participants.find(r.participantId())
                .orElseThrow()).collect(Collectors.toMap(ParticipantSummary::id, Function.identity()));
        Map<UUID, String> names = registry.names(summaries.values(), "register", "activity " + activityId);
        Map<Long, Map<Long, ClassRegister.Cell>> cells = new HashMap<>();
        repository.attendanceOfActivity(activityId).forEach(a -> cells.computeIfAbsent(a.enrolmentId(),
                e -> new HashMap<>()).put(a.sessionId(), new ClassRegister.Cell(a.present(), a.hours())));
        CompletionRule rule = rule(activity);
        List<ClassRegister.Row> lines = rows.stream()
                .map(r -> new ClassRegister.Row(r.id(), r.participantId(), names.get(r.participantId()), r.status(),
                        cells.getOrDefault(r.id(), Map.of()), r.attendedHours(),
                        rule.completes(r.attendedHours(), activity.plannedHours())))
                .sorted(Comparator.comparing(ClassRegister.Row::name,
                        Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .toList();
        Map<Long, Long> versions = new LinkedHashMap<>();
        detail.sessions().forEach(s -> versions.put(s.id(), repository.sessionVersion(s.id())));
        return new ClassRegister(activityId, detail.title(), detail.networkCode(), activity.plannedHours(),
                rule.threshold(), detail.sessions(), versions, lines);
    }

    /**
     * Records the attendance of a whole session, all or nothing: every mark is checked before anything is
     * written. Marks must name enrolments of this activity within the actor's scope; a withdrawn enrolment takes
     * no new mark. Statuses follow.
     *
     * @param version the session's token as read ({@link ClassRegister#sessionVersions()})
     * @throws ConcurrentEditException when somebody saved the session since it was read
     */
    public void recordSession(long activityId, long sessionId, long version, List<AttendanceMark> marks) {
        Actor actor = ParticipantRegistry.requireRole(STAFF);
        ActivityRef activity = activity(actor, activityId);
        SessionView session = activities.sessions(activityId).stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new RuleViolationException("sessionId", "attendance.session.otherActivity"));
        if (session.date().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("sessionId", "attendance.session.future");
        }
        locks.ensureOpen(activity.networkCode(), session.date());
        repository.lockActivity(activityId);
        if (repository.sessionVersion(sessionId) != version) {
            throw new ConcurrentEditException("attendance of session", sessionId);
        }
        Map<Long, EnrolmentRepository.EnrolmentRow> rows = rowsOf(actor, activityId).stream()
                .collect(Collectors.toMap(EnrolmentRepository.EnrolmentRow::id, Function.identity()));
        Set<Long> seen = new HashSet<>();
        List<AttendanceMark> checked = new ArrayList<>();
        for (AttendanceMark m : marks) {
            EnrolmentRepository.EnrolmentRow row = rows.get(m.enrolmentId());
            if (row == null) {
                throw new RuleViolationException("enrolmentId", "attendance.enrolment.otherActivity", m.enrolmentId());
            }
            if (!seen.add(m.enrolmentId())) {
                throw new RuleViolationException("enrolmentId", "attendance.enrolment.twice", m.enrolmentId());
            }
            BigDecimal hours = m.hours() == null ? (m.present() ? session.hours() : BigDecimal.ZERO) : m.hours();
            if (hours.signum() < 0) {
                throw new RuleViolationException("hours", "attendance.hours.negative", m.enrolmentId());
            }
            if (hours.compareTo(session.hours()) > 0) {
                throw new RuleViolationException("hours", "attendance.hours.aboveSession", m.enrolmentId(),
                        session.hours().stripTrailingZeros().toPlainString());
            }
            if (!m.present() && hours.signum() > 0) {
                throw new RuleViolationException("hours", "attendance.hours.absent", m.enrolmentId());
            }
            if (row.status() == EnrolmentStatus.WITHDRAWN) {
                throw new RuleViolationException("enrolmentId", "attendance.withdrawn", m.enrolmentId());
            }
            checked.add(new AttendanceMark(m.enrolmentId(), m.present(), hours));
        }
        for (AttendanceMark m : checked) {
            repository.upsertAttendance(m.enrolmentId(), sessionId, m.present(), m.hours(), actor.username());
        }
        // a completion already dated in an approved quarter stays there (the session itself is in an open one)
        for (AttendanceMark m : checked) {
            followUnlessLocked(repository.find(m.enrolmentId()).orElseThrow(), activity);
        }
        audit.record("attendance.session", "session", sessionId, Map.of("activity", activityId,
                "present", checked.stream().filter(AttendanceMark::present).count(), "marks", checked.size()));
    }

    // --- helpers ---

    private record Status(EnrolmentStatus status, LocalDate endedOn) {
    }

    /** The status the attendance gives an enrolment that is not withdrawn. */
    private Status statusFor(EnrolmentRepository.EnrolmentRow row, ActivityRef activity) {
        if (rule(activity).completes(row.attendedHours(), activity.plannedHours())) {
            Map<Long, LocalDate> dates = activities.sessions(activity.id()).stream()
                    .collect(Collectors.toMap(SessionView::id, SessionView::date));
            LocalDate last = repository.lastPresence(row.id(), dates).orElse(LocalDate.now(clock));
            return new Status(EnrolmentStatus.COMPLETED, last.isBefore(row.enrolledOn()) ? row.enrolledOn() : last);
        }
        return new Status(row.attendedHours().signum() > 0 ? EnrolmentStatus.ATTENDING : EnrolmentStatus.ENROLLED,
                null);
    }

    /**
     * {@link #follow}, except that a status whose completion day would move in or out of a locked quarter is kept,
     * and the audit trail says so.
     */
    private void followUnlessLocked(EnrolmentRepository.EnrolmentRow row, ActivityRef activity) {
        try {
            follow(row, activity);
        } catch (PeriodLockedException e) {
            audit.record("enrolment.status.locked", "enrolment", row.id(), Map.of("status", row.status().name(),
                    "would be", statusFor(row, activity).status().name()));
        }
    }

    /**
     * Brings a non-withdrawn enrolment's status in line with its attendance, audits a change; refused (nothing
     * changed) when the completion day it moves lies in a locked quarter.
     */
    private void follow(EnrolmentRepository.EnrolmentRow row, ActivityRef activity) {
        if (row.status() == EnrolmentStatus.WITHDRAWN) {
            return;
        }
        Status next = statusFor(row, activity);
        if (next.status() != row.status() || !Objects.equals(next.endedOn(), row.endedOn())) {
            if (row.endedOn() != null) {
                locks.ensureOpen(row.networkCode(), row.endedOn());
            }
            if (next.endedOn() != null) {
                locks.ensureOpen(row.networkCode(), next.endedOn());
            }
            if (repository.update(row.id(), row.version(), next.status(), null, next.endedOn()) == 0) {
                throw new ConcurrentEditException("enrolment", row.id());
            }
            if (next.status() != row.status()) {
                audit.record("enrolment.status", "enrolment", row.id(), Map.of("from", row.status().name(),
                        "to", next.status().name(), "attendedHours", row.attendedHours().toPlainString()));
            }
        }
    }

    private static CompletionRule rule(ActivityRef activity) {
        return activity.completionThreshold() == null ? CompletionRule.DEFAULT
                : new CompletionRule(activity.completionThreshold());
    }

    private EnrolmentView view(EnrolmentRepository.EnrolmentRow r, ActivityRef activity) {
        return new EnrolmentView(r.id(), r.participantId(), r.activityId(), r.networkCode(), r.status(),
                r.withdrawalReason(), r.enrolledOn(), r.endedOn(), r.attendedHours(), activity.plannedHours(),
                rule(activity).completes(r.attendedHours(), activity.plannedHours()), r.version());
    }

    private List<EnrolmentRepository.EnrolmentRow> rowsOf(Actor actor, long activityId) {
        Long organisation = actor.scope() == ScopeType.ORGANISATION ? actor.organisationId() : null;
        return repository.list(activityId, null, null, organisation, 0, Integer.MAX_VALUE);
    }

    private ParticipantSummary participant(Actor actor, UUID id) {
        return participants.find(id).filter(p -> inScope(actor, p.networkCode(), p.organisationId()))
                .orElseThrow(() -> new RecordNotFoundException("participant", id));
    }

    private ActivityRef activity(Actor actor, long id) {
        return activities.activity(id).filter(a -> actor.canRead(a.networkCode()))
                .orElseThrow(() -> new RecordNotFoundException("activity", id));
    }

    private EnrolmentRepository.EnrolmentRow visible(Actor actor, long id) {
        return repository.find(id).filter(r -> inScope(actor, r.networkCode(), r.organisationId()))
                .orElseThrow(() -> new RecordNotFoundException("enrolment", id));
    }

    private static boolean inScope(Actor actor, String network, long organisation) {
        return switch (actor.scope()) {
            case PROJECT -> true;
            case NETWORK -> network.equals(actor.networkCode());
            case ORGANISATION -> network.equals(actor.networkCode())
                    && Objects.equals(actor.organisationId(), organisation);
        };
    }
}
