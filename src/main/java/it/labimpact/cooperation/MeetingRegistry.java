package it.labimpact.cooperation;

import it.labimpact.audit.AuditTrail;
import it.labimpact.partnership.NetworkSummary;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Meetings of the governance bodies: when and where, the organisations invited and present, minutes and attached
 * files, decisions and their follow-up. Who reads and who changes a meeting follows its body
 * ({@link GovernanceBodies}): another network's meeting is "not found", a reader who may not manage it is refused.
 * Meeting edits and attendance carry the meeting's {@code version}, decision updates the decision's; every change
 * is audited in the same transaction. Attendance, and the day or status of a held meeting, may not change in a
 * quarter approved for the body's network ({@link CooperationLocks}).
 */
@Service
@Transactional
public class MeetingRegistry {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final MeetingRepository repository;
    private final GovernanceBodies bodies;
    private final AuditTrail audit;
    private final DataSize maxFileSize;
    private final CooperationLocks locks;

    MeetingRegistry(MeetingRepository repository, GovernanceBodies bodies, AuditTrail audit,
            @Value("${labimpact.governance.max-file-size:8MB}") DataSize maxFileSize, CooperationLocks locks) {
        this.repository = repository;
        this.bodies = bodies;
        this.audit = audit;
        this.maxFileSize = maxFileSize;
        this.locks = locks;
    }

    /** The largest file that may be attached to a meeting. */
    public DataSize maxFileSize() {
        return maxFileSize;
    }

    // --- reading ---

    /** The meetings the actor may read that match the filters, latest first. */
    @Transactional(readOnly = true)
    public PageResponse<MeetingSummary> meetings(MeetingQuery q, PageRequest page) {
        MeetingRepository.Filter filter = filter(q.network(), q.bodyId(), q.status(), q.from(), q.to());
        return new PageResponse<>(repository.meetings(filter, true, page.offset(), page.size()).stream()
                .map(MeetingRepository.MeetingRow::summary).toList(), page.page(), page.size(),
                repository.count(filter));
    }

    /** The meetings of a month the actor may read, optionally of one network's bodies, in time order. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> calendar(YearMonth month, String network) {
        MeetingRepository.Filter filter = filter(network, null, null, month.atDay(1), month.atEndOfMonth());
        return repository.meetings(filter, false, 0, 1000).stream().map(MeetingRepository.MeetingRow::summary)
                .toList();
    }

    /**
     * One meeting with its attendance, decisions and files.
     *
     * @throws RecordNotFoundException when it does not exist or belongs to a body the actor may not read
     */
    @Transactional(readOnly = true)
    public MeetingDetail meeting(long id) {
        MeetingRepository.MeetingRow row = readable(id);
        List<MeetingRepository.AttendanceRow> rows = repository.attendance(id);
        List<MeetingRepository.DecisionRow> decisions = repository.decisions(id);
        Set<Long> ids = new HashSet<>();
        rows.forEach(a -> ids.add(a.organisationId()));
        decisions.forEach(d -> ids.add(d.owner()));
        Map<Long, GovernanceBody.Member> names = bodies.organisations(ids);
        List<MeetingAttendance> attendance = rows.stream()
                .map(a -> new MeetingAttendance(a.organisationId(), name(names, a.organisationId()), a.present(),
                        a.people()))
                .sorted(java.util.Comparator.comparing(MeetingAttendance::organisationName)).toList();
        boolean canManage = GovernanceBodies.canManage(Actor.require(), row.networkCode());
        return new MeetingDetail(row.summary(), row.link(), row.agenda(), row.minutes(), row.version(), attendance,
                decisions.stream().map(d -> decision(d, names, canManage)).toList(), repository.files(id), canManage);
    }

    /**
     * Decisions still to be done (open or in progress) of the bodies the actor may read, earliest due first;
     * optionally of one network's bodies or of one owner organisation.
     */
    @Transactional(readOnly = true)
    public List<MeetingDecision> pendingDecisions(String network, Long owner) {
        MeetingRepository.Filter filter = filter(network, null, null, null, null);
        List<MeetingRepository.DecisionRow> rows = repository.pendingDecisions(filter.networks(),
                filter.projectWide(), owner);
        Map<Long, GovernanceBody.Member> names = bodies.organisations(rows.stream()
                .map(MeetingRepository.DecisionRow::owner).toList());
        Actor actor = Actor.require();
        return rows.stream().map(d -> decision(d, names, GovernanceBodies.canManage(actor, d.networkCode())))
                .toList();
    }

    /** An attached file of a meeting the actor may read ({@link RecordNotFoundException} otherwise). */
    @Transactional(readOnly = true)
    public MeetingFileContent file(long meetingId, long fileId) {
        readable(meetingId);
        return repository.file(meetingId, fileId)
                .orElseThrow(() -> new RecordNotFoundException("meeting file", fileId));
    }

    // --- changes ---

    /** Records a meeting of a body; with no organisation invited, the body's members are. */
    public long create(MeetingData data) {
        GovernanceRepository.BodyRow body = bodies.manageable(data.bodyId());
        List<Long> invited = data.invited().isEmpty()
                ? bodies.body(body.id()).members().stream().map(GovernanceBody.Member::organisationId).toList()
                : data.invited();
        check(data, invited);
        long id = repository.insert(data, false);
        repository.invite(id, invited);
        audit.record("governance.meeting.create", "cooperation_meeting", id, details(data, invited));
        return id;
    }

    /**
     * Changes a meeting read at {@code data.version()}. Its body stays; an organisation whose attendance is
     * recorded stays invited.
     */
    public void update(long id, MeetingData data) {
        MeetingRepository.MeetingRow row = manageable(id);
        if (data.version() == null) {
            throw new RuleViolationException("version", "governance.version.required");
        }
        if (data.bodyId() != null && data.bodyId() != row.bodyId()) {
            throw new RuleViolationException("bodyId", "governance.meeting.body.fixed");
        }
        check(data, data.invited());
        if (row.status() != data.status() || !row.date().equals(data.date())) {
            // a held meeting counts (ties, indicators) on its day: moving or un-holding it changes that quarter
            if (row.status() == MeetingStatus.HELD) {
                locks.ensureOpen("date", row.networkCode(), row.date());
            }
            if (data.status() == MeetingStatus.HELD) {
                locks.ensureOpen("date", row.networkCode(), data.date());
            }
        }
        if (repository.update(id, data.version(), data) == 0) {
            throw new ConcurrentEditException("meeting", id);
        }
        repository.invite(id, data.invited());
        audit.record("governance.meeting.update", "cooperation_meeting", id, details(data, data.invited()));
    }

    /**
     * Records who was present, on a meeting read at {@code update.version()}: every invited organisation present
     * (with its number of people) or absent. The meeting is then held; a cancelled meeting or one still to come has
     * no attendance.
     */
    public void saveAttendance(long id, MeetingAttendanceUpdate update) {
        MeetingRepository.MeetingRow row = manageable(id);
        if (row.status() == MeetingStatus.CANCELLED) {
            throw new RuleViolationException(null, "governance.attendance.cancelled");
        }
        if (row.date().isAfter(LocalDate.now(ROME))) {
            throw new RuleViolationException(null, "governance.attendance.future");
        }
        locks.ensureOpen(row.networkCode(), row.date());
        Set<Long> invited = new HashSet<>();
        repository.attendance(id).forEach(a -> invited.add(a.organisationId()));
        Map<Long, Integer> present = new LinkedHashMap<>();
        for (MeetingAttendanceUpdate.Entry e : update.entries()) {
            if (!invited.contains(e.organisationId())) {
                throw new RuleViolationException("entries", "governance.attendance.notInvited", e.organisationId());
            }
            int people = e.people() == null ? (e.present() ? 1 : 0) : e.people();
            if (e.present() && (people < 1 || people > 999)) {
                throw new RuleViolationException("people-" + e.organisationId(), "governance.attendance.peopleRange");
            }
            if (!e.present() && people != 0) {
                throw new RuleViolationException("people-" + e.organisationId(), "governance.attendance.absent");
            }
            if (e.present()) {
                present.put(e.organisationId(), people);
            }
        }
        if (repository.touch(id, update.version(), MeetingStatus.HELD) == 0) {
            throw new ConcurrentEditException("meeting", id);
        }
        for (Long org : invited) {
            repository.record(id, org, present.containsKey(org), present.getOrDefault(org, 0));
        }
        audit.record("governance.meeting.attendance", "cooperation_meeting", id,
                Map.of("present", present, "invited", invited.size()));
    }

    public long addDecision(long meetingId, MeetingDecisionData data) {
        manageable(meetingId);
        checkOwner(data.ownerOrganisationId());
        MeetingDecisionStatus status = data.status() == null ? MeetingDecisionStatus.OPEN : data.status();
        long id = repository.insertDecision(meetingId, data, status);
        audit.record("governance.decision.create", "cooperation_meeting_decision", id,
                decisionDetails(meetingId, data, status));
        return id;
    }

    /** Changes a decision read at {@code data.version()}: its text, owner, due day, follow-up status and note. */
    public void updateDecision(long meetingId, long decisionId, MeetingDecisionData data) {
        manageable(meetingId);
        repository.decision(meetingId, decisionId)
                .orElseThrow(() -> new RecordNotFoundException("decision", decisionId));
        if (data.version() == null) {
            throw new RuleViolationException("version", "governance.version.required");
        }
        checkOwner(data.ownerOrganisationId());
        MeetingDecisionStatus status = data.status() == null ? MeetingDecisionStatus.OPEN : data.status();
        if (repository.updateDecision(meetingId, decisionId, data.version(), data, status) == 0) {
            throw new ConcurrentEditException("decision", decisionId);
        }
        audit.record("governance.decision.update", "cooperation_meeting_decision", decisionId,
                decisionDetails(meetingId, data, status));
    }

    /**
     * Attaches a file to the minutes. Its type is read from its bytes (PDF, DOCX, ODT, PNG, JPEG, WebP), whatever
     * its name says; it must not be empty nor larger than {@link #maxFileSize()}.
     */
    public long addFile(long meetingId, String filename, byte[] content) {
        manageable(meetingId);
        if (content == null || content.length == 0) {
            throw new RuleViolationException("file", "governance.file.empty");
        }
        if (content.length > maxFileSize.toBytes()) {
            throw new RuleViolationException("file", "governance.file.tooLarge", maxFileSize.toMegabytes());
        }
        String type = FileTypes.detect(content)
                .orElseThrow(() -> new RuleViolationException("file", "governance.file.type"));
        String name = cleanName(filename);
        long id = repository.insertFile(meetingId, name, type, content, Actor.require().username());
        audit.record("governance.meeting.file.add", "cooperation_meeting_file", id,
                Map.of("meeting", meetingId, "filename", name, "type", type, "size", content.length));
        return id;
    }

    public void deleteFile(long meetingId, long fileId) {
        manageable(meetingId);
        if (repository.deleteFile(meetingId, fileId) == 0) {
            throw new RecordNotFoundException("meeting file", fileId);
        }
        audit.record("governance.meeting.file.delete", "cooperation_meeting_file", fileId,
                Map.of("meeting", meetingId));
    }

    // --- checks ---

    MeetingRepository.MeetingRow readable(long id) {
        return repository.meeting(id)
                .filter(r -> r.networkCode() == null || Actor.require().canRead(r.networkCode()))
                .orElseThrow(() -> new RecordNotFoundException("meeting", id));
    }

    private MeetingRepository.MeetingRow manageable(long id) {
        MeetingRepository.MeetingRow row = readable(id);
        bodies.manageable(row.bodyId());
        return row;
    }

    private void check(MeetingData d, List<Long> invited) {
        boolean inPerson = d.mode() != MeetingMode.ONLINE;
        boolean online = d.mode() != MeetingMode.IN_PERSON;
        if (inPerson && (d.place() == null || d.place().isBlank())) {
            throw new RuleViolationException("place", "governance.meeting.place.required");
        }
        if (online && (d.link() == null || d.link().isBlank())) {
            throw new RuleViolationException("link", "governance.meeting.link.required");
        }
        if (d.startTime() != null && d.endTime() != null && !d.endTime().isAfter(d.startTime())) {
            throw new RuleViolationException("endTime", "governance.meeting.time.order");
        }
        if (d.status() == MeetingStatus.HELD && d.date().isAfter(LocalDate.now(ROME))) {
            throw new RuleViolationException("status", "governance.meeting.held.future");
        }
        Map<Long, GovernanceBody.Member> known = bodies.organisations(invited);
        for (Long org : invited) {
            if (!known.containsKey(org)) {
                throw new RuleViolationException("invitedIds", "governance.organisation.unknown", org);
            }
        }
    }

    private void checkOwner(Long owner) {
        if (owner == null || bodies.organisations(List.of(owner)).isEmpty()) {
            throw new RuleViolationException("ownerOrganisationId", "governance.organisation.unknown", owner);
        }
    }

    /** The filter of the bodies the actor reads, optionally narrowed to one network's. */
    private MeetingRepository.Filter filter(String network, Long body, MeetingStatus status, LocalDate from,
            LocalDate to) {
        String wanted = network == null || network.isBlank() ? null : network.strip();
        List<String> networks = bodies.readableNetworks().stream().map(NetworkSummary::code)
                .filter(c -> wanted == null || c.equals(wanted)).toList();
        return new MeetingRepository.Filter(networks, wanted == null, body, status, from, to);
    }

    private static MeetingDecision decision(MeetingRepository.DecisionRow d, Map<Long, GovernanceBody.Member> names,
            boolean canManage) {
        boolean overdue = d.status().pending() && d.dueOn() != null && d.dueOn().isBefore(LocalDate.now(ROME));
        return new MeetingDecision(d.id(), d.meetingId(), d.meetingDate(), d.bodyId(), d.bodyName(), d.networkCode(),
                d.text(), d.owner(), name(names, d.owner()), d.dueOn(), d.status(), d.note(), d.version(), overdue,
                canManage);
    }

    private static String name(Map<Long, GovernanceBody.Member> names, long id) {
        GovernanceBody.Member m = names.get(id);
        return m == null ? "#" + id : m.name();
    }

    /** The file's own name without any folder, control characters or quotes, at most 200 characters. */
    static String cleanName(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static Map<String, Object> details(MeetingData d, Collection<Long> invited) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("body", d.bodyId());
        details.put("date", d.date().toString());
        details.put("start", String.valueOf(d.startTime()));
        details.put("end", String.valueOf(d.endTime()));
        details.put("mode", d.mode().name());
        details.put("status", d.status().name());
        details.put("invited", List.copyOf(invited));
        return details;
    }

    private static Map<String, Object> decisionDetails(long meetingId, MeetingDecisionData d,
            MeetingDecisionStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("meeting", meetingId);
        details.put("owner", d.ownerOrganisationId());
        details.put("due", String.valueOf(d.dueOn()));
        details.put("status", status.name());
        return details;
    }
}
