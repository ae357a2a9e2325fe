package it.labimpact.cooperation;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.partnership.OrganisationDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.Role;
import it.labimpact.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainings for operators (staff of partner organisations, not participants): the trainings, their attendance
 * lists and the self-assessment of intercultural competence.
 *
 * <p><b>Who.</b> Operators, network leads, coordinators, governance and administrators read trainings; evaluators
 * do not (they get the counts through the indicators). Network staff read their own network's trainings and the
 * project-wide ones, the latter without the names of who attended; another network's training is "not found".
 * A network's trainings are changed by its operators and lead and by coordinators and administrators; project-wide
 * trainings by governance, coordinators and administrators. Every change is audited, without names.
 *
 * <p><b>Trained.</b> See {@link TrainingRules}: at least 70 % of the planned hours of a training ending in the
 * period; each person once.
 */
@Service
@Transactional
public class TrainingRegistry {

    private static final Set<Role> STAFF = Set.of(Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR,
            Role.GOVERNANCE, Role.ADMIN);

    private final TrainingRepository repository;
    private final Partnership partnership;
    private final AuditTrail audit;

    TrainingRegistry(TrainingRepository repository, Partnership partnership, AuditTrail audit) {
        this.repository = repository;
        this.partnership = partnership;
        this.audit = audit;
    }

    /** Whether the actor may change trainings of the network ({@code null}: project-wide trainings). */
    public static boolean canChange(Actor actor, String networkCode) {
        if (networkCode == null) {
            return actor.canManageProject() || actor.role() == Role.GOVERNANCE;
        }
        return actor.canManageProject() || ((actor.role() == Role.OPERATOR || actor.role() == Role.NETWORK_LEAD)
                && networkCode.equals(actor.networkCode()));
    }

    /** Whether the actor may create trainings at all (in their network, or project-wide). */
    public static boolean canCreate(Actor actor) {
        return STAFF.contains(actor.role());
    }

    // --- reads ---

    /** The trainings the actor may read that match the filters, latest end first. */
    @Transactional(readOnly = true)
    public PageResponse<TrainingSummary> trainings(TrainingQuery q, PageRequest page) {
        Actor actor = staff();
        String scope = actor.seesWholeProject() ? null : actor.networkCode();
        boolean projectOnly = TrainingQuery.PROJECT.equals(q.network());
        String network = projectOnly || q.network() == null || q.network().isBlank() ? null : q.network().strip();
        if (network != null && !actor.canRead(network)) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        TrainingRepository.Filter filter = new TrainingRepository.Filter(scope, network, projectOnly, q.theme(),
                q.from(), q.to());
        PartnershipNames names = new PartnershipNames(partnership);
        List<TrainingSummary> items = repository.trainings(filter, page.offset(), page.size()).stream()
                .map(r -> summary(r, names)).toList();
        return new PageResponse<>(items, page.page(), page.size(), repository.count(filter));
    }

    /** One training with its attendance list (names only where the actor may see them) and self-assessment. */
    @Transactional(readOnly = true)
    public TrainingDetail detail(long id) {
        TrainingRepository.TrainingRow row = readable(id);
        Actor actor = Actor.require();
        PartnershipNames names = new PartnershipNames(partnership);
        List<TrainingAttendee> attendees = repository.attendees(id).stream()
                .map(a -> new TrainingAttendee(a.id(), a.operatorKey(), a.surname(), a.givenName(), a.organisationId(),
                        names.organisation(a.organisationId()), a.role(), a.roleOther(), a.hoursAttended(),
                        a.trained(), a.pre(), a.post()))
                .toList();
        boolean visible = namesVisible(actor, row.networkCode());
        return new TrainingDetail(summary(row, names), data(row), visible, visible ? attendees : List.of(),
                TrainingRules.selfAssessment(attendees));
    }

    /** Operators trained in trainings that ended between the two days, each person once. */
    @Transactional(readOnly = true)
    public long trainedOperators(String network, LocalDate from, LocalDate to) {
        Actor actor = staff();
        String scoped = actor.seesWholeProject() ? blankToNull(network) : actor.networkCode();
        return repository.trainedOperators(scoped, from, to);
    }

    /** The networks the actor may pick in filters and forms. */
    @Transactional(readOnly = true)
    public List<NetworkSummary> readableNetworks() {
        Actor actor = Actor.require();
        return partnership.networks().stream().filter(n -> actor.canRead(n.code())).toList();
    }

    // --- changes ---

    public long create(TrainingData data) {
        Actor actor = staff();
        check(actor, data);
        long id = repository.insert(data);
        audit.record("training.create", "cooperation_training", id, details(data));
        return id;
    }

    /** Changes a training read at {@code data.version()}. */
    public void update(long id, TrainingData data) {
        TrainingRepository.TrainingRow row = changeable(id);
        if (data.version() == null) {
            throw new RuleViolationException("version", "edit.version.required");
        }
        check(Actor.require(), data);
        if (row.attendees() > 0 && !Objects.equals(row.networkCode(), data.network())) {
            throw new RuleViolationException("networkCode", "training.network.fixed");
        }
        BigDecimal most = repository.maxHoursAttended(id);
        if (most.compareTo(data.hours()) > 0) {
            throw new RuleViolationException("hours", "training.hours.belowAttended", most.stripTrailingZeros()
                    .toPlainString());
        }
        if (repository.update(id, data.version(), data) == 0) {
            throw new ConcurrentEditException("training", id);
        }
        audit.record("training.update", "cooperation_training", id, details(data));
    }

    /**
     * Replaces the attendance list as a whole, read at {@code version}: all rows are saved or none. Operators
     * already known (same normalised names, same organisation) keep their key and their self-assessment.
     * A row's problem names its position: field {@code attendees[i].field}.
     */
    public void saveAttendance(long id, int version, List<TrainingAttendeeData> rows) {
        TrainingRepository.TrainingRow training = changeable(id);
        Set<Long> allowed = allowedOrganisations(training.networkCode());
        Map<Long, String> kinds = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<BigDecimal> hours = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TrainingAttendeeData r = rows.get(i);
            int line = i + 1;
            String field = "attendees[" + i + "].";
            String key = TrainingRules.identityKey(r.surname(), r.givenName());
            if (key.startsWith("|") || key.endsWith("|")) {
                throw new RuleViolationException(field + "surname", "training.attendee.name.letters", i + 1);
            }
            OrganisationDetail org = partnership.organisation(r.organisationId()).orElseThrow(
                    () -> new RuleViolationException(field + "organisationId", "training.organisation.unknown", line));
            if (allowed != null && !allowed.contains(r.organisationId())) {
                throw new RuleViolationException(field + "organisationId", "training.attendee.notMember", i + 1,
                        org.summary().name());
            }
            if (!seen.add(r.organisationId() + "/" + key)) {
                throw new RuleViolationException(field + "surname", "training.attendee.duplicate", i + 1);
            }
            if (r.role() == TrainingRole.OTHER && (r.roleOther() == null || r.roleOther().isBlank())) {
                throw new RuleViolationException(field + "roleOther", "training.attendee.roleOther.required", i + 1);
            }
            BigDecimal h = r.hoursAttended() == null ? training.hours() : r.hoursAttended();
            if (h.signum() < 0 || h.compareTo(training.hours()) > 0) {
                throw new RuleViolationException(field + "hoursAttended", "training.attendee.hours.range", i + 1,
                        training.hours().stripTrailingZeros().toPlainString());
            }
            hours.add(h);
            kinds.put(r.organisationId(), org.summary().kind().name());
        }
        if (repository.bump(id, version) == 0) {
            throw new ConcurrentEditException("training", id);
        }
        List<Long> operators = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TrainingAttendeeData r = rows.get(i);
            long operator = repository.operator(r.organisationId(), TrainingRules.identityKey(r.surname(),
                    r.givenName()), r.surname().strip(), r.givenName().strip());
            repository.upsertAttendance(id, operator, kinds.get(r.organisationId()), r.role(),
                    r.role() == TrainingRole.OTHER ? r.roleOther().strip() : null, hours.get(i));
            operators.add(operator);
        }
        repository.removeAttendanceExcept(id, operators);
        long trained = hours.stream().filter(h -> TrainingRules.trained(h, training.hours())).count();
        audit.record("training.attendance.save", "cooperation_training", id,
                Map.of("attendees", rows.size(), "trained", trained));
    }

    /**
     * Records the self-assessment answers of the listed attendees as a whole, read at {@code version}. Each phase
     * is five answers from 1 to 5 or none; attendees not listed keep theirs.
     */
    public void saveAnswers(long id, int version, List<TrainingAnswers> answers) {
        changeable(id);
        Set<Long> attendees = repository.attendees(id).stream().map(TrainingRepository.AttendeeRow::id)
                .collect(Collectors.toSet());
        for (int i = 0; i < answers.size(); i++) {
            TrainingAnswers a = answers.get(i);
            if (!attendees.contains(a.attendeeId())) {
                throw new RecordNotFoundException("training attendee", a.attendeeId());
            }
            checkPhase(a.pre(), "answers[" + i + "].pre", i + 1);
            checkPhase(a.post(), "answers[" + i + "].post", i + 1);
        }
        if (repository.bump(id, version) == 0) {
            throw new ConcurrentEditException("training", id);
        }
        answers.forEach(a -> repository.answers(a.attendeeId(), a.pre(), a.post()));
        audit.record("training.selfAssessment.save", "cooperation_training", id, Map.of("attendees", answers.size()));
    }

    // --- checks ---

    private static void checkPhase(List<Integer> phase, String field, int row) {
        if (phase == null || phase.isEmpty()) {
            return;
        }
        if (phase.size() != TrainingAnswers.STATEMENTS || phase.stream().anyMatch(v -> v == null || v < 1 || v > 5)) {
            throw new RuleViolationException(field, "training.answers.incomplete", row);
        }
    }

    private static Actor staff() {
        Actor actor = Actor.require();
        if (!STAFF.contains(actor.role())) {
            throw new AccessDeniedException("Role " + actor.role() + " does not read trainings");
        }
        return actor;
    }

    private static boolean namesVisible(Actor actor, String network) {
        return actor.seesWholeProject() || (network != null && actor.canRead(network));
    }

    /** The training, when the actor may read it (404 otherwise). */
    private TrainingRepository.TrainingRow readable(long id) {
        Actor actor = staff();
        TrainingRepository.TrainingRow row = repository.training(id)
                .orElseThrow(() -> new RecordNotFoundException("training", id));
        if (row.networkCode() != null && !actor.canRead(row.networkCode())) {
            throw new RecordNotFoundException("training", id);
        }
        return row;
    }

    /** The training, when the actor may read it (404 otherwise) and change it (403 otherwise). */
    private TrainingRepository.TrainingRow changeable(long id) {
        TrainingRepository.TrainingRow row = readable(id);
        if (!canChange(Actor.require(), row.networkCode())) {
            throw new AccessDeniedException("Not allowed to change training " + id);
        }
        return row;
    }

    private void check(Actor actor, TrainingData d) {
        if (!canChange(actor, d.network())) {
            throw new RuleViolationException("networkCode", d.network() == null ? "training.network.projectNotAllowed"
                    : "training.network.foreign");
        }
        if (d.network() != null && partnership.network(d.network()).isEmpty()) {
            throw new RuleViolationException("networkCode", "training.network.unknown");
        }
        if (d.endDate().isBefore(d.startDate())) {
            throw new RuleViolationException("endDate", "training.dates.order");
        }
        if (partnership.organisation(d.organiserOrganisationId()).isEmpty()) {
            throw new RuleViolationException("organiserOrganisationId", "training.organiser.unknown");
        }
    }

    /** The organisations whose operators may attend: the network's members, or any ({@code null}) project-wide. */
    private Set<Long> allowedOrganisations(String network) {
        if (network == null) {
            return null;
        }
        NetworkDetail detail = partnership.network(network).orElseThrow();
        return detail.members().stream().map(Member::organisationId).collect(Collectors.toSet());
    }

    private TrainingSummary summary(TrainingRepository.TrainingRow r, PartnershipNames names) {
        return new TrainingSummary(r.id(), r.title(), r.theme(), r.networkCode(),
                r.networkCode() == null ? null : names.network(r.networkCode()), r.organiserId(),
                names.organisation(r.organiserId()), r.startDate(), r.endDate(), r.hours(), r.mode(), r.attendees(),
                r.trained());
    }

    private static TrainingData data(TrainingRepository.TrainingRow r) {
        return new TrainingData(r.title(), r.theme(), r.organiserId(), r.networkCode(), r.startDate(), r.endDate(),
                r.hours(), r.mode(), r.description(), r.version());
    }

    private static Map<String, Object> details(TrainingData d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", d.title().strip());
        details.put("theme", d.theme().name());
        details.put("network", String.valueOf(d.network()));
        details.put("organiser", d.organiserOrganisationId());
        details.put("dates", d.startDate() + "/" + d.endDate());
        details.put("hours", d.hours().stripTrailingZeros().toPlainString());
        details.put("mode", d.mode().name());
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
