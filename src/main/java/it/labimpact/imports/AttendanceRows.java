package it.labimpact.imports;

import static it.labimpact.imports.AttendanceColumn.ACTIVITY_ID;
import static it.labimpact.imports.AttendanceColumn.HOURS;
import static it.labimpact.imports.AttendanceColumn.PARTICIPANT_CODE;
import static it.labimpact.imports.AttendanceColumn.PRESENT;
import static it.labimpact.imports.AttendanceColumn.SESSION_DATE;
import static it.labimpact.imports.AttendanceColumn.START_TIME;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityRef;
import it.labimpact.activity.SessionView;
import it.labimpact.participant.AttendanceMark;
import it.labimpact.participant.ClassRegister;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.shared.Actor;
import it.labimpact.shared.ConcurrentEditException;
import it.labimpact.shared.LockedPeriods;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.CsvTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attendance from a class register kept in a spreadsheet, one row per person and session, written through the
 * class register of {@link Enrolments} with the rules of the register screen: the activity must be the network's,
 * the session must be in its plan (a start time tells apart two sessions of one day) and have taken place, outside
 * an approved quarter, the person enrolled in the activity and not withdrawn, the hours within the session's. Every
 * row is checked first; the marks of each session are then saved together, as the screen saves a session, so the
 * enrolments' statuses (attending, completed) follow. A mark already recorded with the same value is "already
 * present"; a different value replaces it, as a correction on the screen does.
 */
@Component
class AttendanceRows implements RowHandler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, Boolean> PRESENCE = presence();

    private final ActivityCatalogue activities;
    private final Enrolments enrolments;
    private final ParticipantRegistry registry;
    private final LockedPeriods locks;
    private final TransactionTemplate savepoint;

    AttendanceRows(ActivityCatalogue activities, Enrolments enrolments, ParticipantRegistry registry,
            LockedPeriods locks, PlatformTransactionManager transactions) {
        this.activities = activities;
        this.enrolments = enrolments;
        this.registry = registry;
        this.locks = locks;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ATTENDANCE;
    }

    @Override
    public List<AttendanceColumn> columns() {
        return List.of(AttendanceColumn.values());
    }

    /** The activity and day, then either the code or every identity column, then presence or hours. */
    @Override
    public List<ImportNote> missingColumns(CsvTable table) {
        if (!SESSION_DATE.in(table) && !sessionColumns(table).isEmpty()) {
            // the wide layout: one row per person, one column per session
            List<ImportNote> notes = new ArrayList<>();
            if (!ACTIVITY_ID.in(table)) {
                notes.add(RowHandler.missing(ACTIVITY_ID));
            }
            if (!PARTICIPANT_CODE.in(table)) {
                AttendanceColumn.IDENTITY.stream().filter(c -> !c.in(table)).map(RowHandler::missing)
                        .forEach(notes::add);
            }
            return notes;
        }
        List<ImportNote> notes = new ArrayList<>(RowHandler.super.missingColumns(table));
        if (!PARTICIPANT_CODE.in(table)) {
            AttendanceColumn.IDENTITY.stream().filter(c -> !c.in(table)).map(RowHandler::missing)
                    .forEach(notes::add);
        }
        if (!PRESENT.in(table) && !HOURS.in(table)) {
            notes.add(RowHandler.missing(PRESENT));
        }
        return notes;
    }

    @Override
    public Map<ImportColumn, List<String>> choices() {
        return Map.of(AttendanceColumn.SEX, List.of("F", "M", "X"), PRESENT, List.of("sì", "no"));
    }

    @Override
    public List<ImportColumn> countryColumns() {
        return List.of(AttendanceColumn.BIRTH_COUNTRY);
    }

    /** A made-up person, named by identity columns; the activity id is left to fill. */
    @Override
    public List<String> example(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return List.of("", english ? "2026-02-03" : "03/02/2026", "", "", "Ndiaye", "Awa", "F",
                english ? "1990-03-12" : "12/03/1990", "SN", "", english ? "yes" : "sì", "");
    }

    @Override
    public String templateName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "attendance-template" : "modello-presenze";
    }

    @Override
    public Run open(ImportRunner.Request request) {
        return new AttendanceRun();
    }

    @Override
    public Run open(ImportRunner.Request request, CsvTable table) {
        AttendanceRun run = new AttendanceRun();
        if (SESSION_DATE.in(table)) {
            return run;
        }
        Map<String, Session> columns = sessionColumns(table);
        return new Run() {
            @Override
            public List<ImportNote> row(CsvTable.Row row) {
                return run.wide(row, columns);
            }

            @Override
            public List<ImportNote> finish() {
                return run.finish();
            }
        };
    }

    private static Optional<LocalDate> day(String year, String month, String day) {
        int y = Integer.parseInt(year);
        if (y < 2000 || y > 2100) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A session column of the wide layout: its day and, when the header gives it, its start time. */
    private record Session(LocalDate day, LocalTime start, String label) {
    }

    /**
     * The headers that name a session (wide layout): a day, dd/mm/yyyy or ISO (a date cell of a workbook), with an
     * optional start time ("03/02/2026 14:00"). Headers reach here normalised to their digits.
     */
    static Map<String, Session> sessionColumns(CsvTable table) {
        Map<String, Session> found = new LinkedHashMap<>();
        for (String h : table.headers()) {
            if (!h.matches("\\d{8}(\\d{4})?")) {
                continue;
            }
            // the separators are gone: yyyyMMdd or ddMMyyyy, whichever is a day of this century (never both)
            Optional<LocalDate> day = day(h.substring(0, 4), h.substring(4, 6), h.substring(6, 8))
                    .or(() -> day(h.substring(4, 8), h.substring(2, 4), h.substring(0, 2)));
            if (day.isEmpty()) {
                continue;
            }
            try {
                LocalTime start = h.length() == 12 ? LocalTime.of(Integer.parseInt(h.substring(8, 10)),
                        Integer.parseInt(h.substring(10, 12))) : null;
                found.put(h, new Session(day.get(), start, day.get().format(DAY) + (start == null ? ""
                        : " " + start)));
            } catch (java.time.DateTimeException e) {
                // not a session: an ordinary column
            }
        }
        return found;
    }

    /** A mark kept for its session's save. */
    private record Mark(int line, long enrolmentId, boolean present, BigDecimal hours) {
    }

    /** The marks of one session, saved together at the end. */
    private static final class SessionMarks {
        final long activityId;
        final long sessionId;
        final long version;
        final List<Mark> marks = new ArrayList<>();

        SessionMarks(long activityId, long sessionId, long version) {
            this.activityId = activityId;
            this.sessionId = sessionId;
            this.version = version;
        }
    }

    /** What the run knows of an activity of the file: read once. */
    private record Known(ActivityRef activity, List<SessionView> sessions, ClassRegister register,
            Map<UUID, ClassRegister.Row> byParticipant) {
    }

    private final class AttendanceRun implements Run {

        private final Map<Long, Known> known = new HashMap<>();
        private final Map<LocalDate, Optional<RuleViolationException>> lockedDays = new HashMap<>();
        private final Map<Long, SessionMarks> pending = new LinkedHashMap<>();
        /** Per enrolment and session: the first line of the file that marked it. */
        private final Map<String, Mark> seen = new HashMap<>();

        /**
         * A row of the wide layout: each filled session cell is read as a row of the long layout (presence words,
         * or hours when it is a number); its notes name the session's column. The row is accepted when any mark
         * is new, already present when all were there.
         */
        List<ImportNote> wide(CsvTable.Row row, Map<String, Session> sessions) {
            List<ImportNote> notes = new ArrayList<>();
            boolean anyNew = false;
            boolean any = false;
            for (Map.Entry<String, Session> e : sessions.entrySet()) {
                String value = row.values().getOrDefault(e.getKey(), "").strip();
                if (value.isEmpty()) {
                    continue;
                }
                any = true;
                Map<String, String> values = new LinkedHashMap<>(row.values());
                Session s = e.getValue();
                values.put(norm(SESSION_DATE), s.day().toString());
                values.put(norm(START_TIME), s.start() == null ? "" : s.start().toString());
                boolean number = value.matches("\\d+([.,]\\d+)?") && !value.equals("1") && !value.equals("0");
                values.put(norm(PRESENT), number ? "" : value);
                values.put(norm(HOURS), number ? value : "");
                List<ImportNote> own = row(new CsvTable.Row(row.line(), values));
                own.stream().map(n -> new ImportNote(n.line(), n.outcome(), relabel(n.column(), s.label()),
                        n.messageKey(), n.args())).forEach(notes::add);
                anyNew |= own.isEmpty();
            }
            if (!any) {
                return List.of();
            }
            boolean rejected = notes.stream().anyMatch(n -> n.outcome() == ImportNote.Outcome.REJECTED);
            if (rejected) {
                return notes.stream().filter(n -> n.outcome() == ImportNote.Outcome.REJECTED).toList();
            }
            return anyNew ? List.of() : notes.subList(0, 1);
        }

        private static String norm(AttendanceColumn column) {
            return it.labimpact.shared.csv.TolerantCsv.normalise(column.label());
        }

        /** The session's cells of the wide layout stand for the long layout's date, time, presence and hours. */
        private static String relabel(String column, String session) {
            return column == null || !List.of(SESSION_DATE.label(), START_TIME.label(), PRESENT.label(),
                    HOURS.label()).contains(column) ? column : session;
        }

        @Override
        public List<ImportNote> row(CsvTable.Row row) {
            Cells cells = new Cells(row);
            Long activityId = cells.id(ACTIVITY_ID, "imports.activity.invalid");
            LocalDate day = cells.date(SESSION_DATE);
            LocalTime start = cells.time(START_TIME);
            String code = cells.text(PARTICIPANT_CODE);
            ParticipantData person = code == null ? person(cells) : null;
            Boolean present = cells.code(PRESENT, PRESENCE, "imports.attendance.presence.invalid");
            BigDecimal hours = cells.decimal(HOURS, "imports.attendance.hours.invalid");
            if (present == null && hours == null && PRESENT.in(row).isEmpty() && HOURS.in(row).isEmpty()) {
                cells.problem(PRESENT, "import.required");
            }
            if (!cells.ok()) {
                return cells.problems();
            }
            int line = row.line();
            try {
                // no savepoint per row: a row only reads, and the reads that may be refused run in their own
                return check(line, activityId, day, start, code, person, present, hours);
            } catch (RowRefused e) {
                return List.of(e.note());
            } catch (RuleViolationException e) {
                return List.of(RowHandler.note(line, ImportNote.Outcome.REJECTED, null, e.messageKey(), e.args()));
            } catch (RecordNotFoundException e) {
                return List.of(RowHandler.note(line, ImportNote.Outcome.REJECTED, null, "imports.row.outOfScope"));
            }
        }

        private ParticipantData person(Cells cells) {
            String surname = cells.needed(AttendanceColumn.SURNAME);
            String given = cells.needed(AttendanceColumn.GIVEN_NAMES);
            Sex sex = cells.needed(AttendanceColumn.SEX) == null ? null : cells.sex(AttendanceColumn.SEX);
            LocalDate birth = cells.needed(AttendanceColumn.BIRTH_DATE) == null ? null
                    : cells.date(AttendanceColumn.BIRTH_DATE);
            String country = cells.needed(AttendanceColumn.BIRTH_COUNTRY) == null ? null
                    : cells.country(AttendanceColumn.BIRTH_COUNTRY);
            String taxCode = cells.text(AttendanceColumn.TAX_CODE);
            return new ParticipantData(surname, given, sex, birth, country, null, taxCode, null, null, null, null,
                    List.of(), null, null);
        }

        private List<ImportNote> check(int line, long activityId, LocalDate day, LocalTime start, String code,
                ParticipantData person, Boolean present, BigDecimal hours) {
            Known k = known(line, activityId);
            SessionView session = session(line, k, day, start);
            ClassRegister.Row enrolment = code != null ? byCode(line, k, code) : byIdentity(line, k, person);
            if (enrolment.withdrawn()) {
                throw new RowRefused(line, null, "attendance.withdrawn");
            }
            boolean isPresent = present != null ? present : hours.signum() > 0;
            if (hours != null && hours.signum() < 0) {
                throw new RowRefused(line, HOURS, "attendance.hours.negative");
            }
            if (hours != null && hours.compareTo(session.hours()) > 0) {
                throw new RowRefused(line, HOURS, "imports.attendance.hours.aboveSession",
                        session.hours().stripTrailingZeros().toPlainString());
            }
            if (!isPresent && hours != null && hours.signum() > 0) {
                throw new RowRefused(line, HOURS, "attendance.hours.absent");
            }
            BigDecimal effective = hours != null ? hours : isPresent ? session.hours() : BigDecimal.ZERO;
            Mark mark = new Mark(line, enrolment.enrolmentId(), isPresent, effective);
            String key = enrolment.enrolmentId() + "/" + session.id();
            Mark first = seen.putIfAbsent(key, mark);
            if (first != null) {
                if (same(first, isPresent, effective)) {
                    return List.of(RowHandler.note(line, ImportNote.Outcome.PRESENT, null, "imports.row.sameAs",
                            first.line()));
                }
                throw new RowRefused(line, null, "imports.attendance.conflict", first.line());
            }
            ClassRegister.Cell cell = enrolment.cell(session.id());
            if (cell != null && cell.present() == isPresent && cell.hours() != null
                    && cell.hours().compareTo(effective) == 0) {
                return List.of(RowHandler.note(line, ImportNote.Outcome.PRESENT, null, "imports.attendance.present"));
            }
            pending.computeIfAbsent(session.id(), id -> new SessionMarks(activityId, id,
                    k.register().sessionVersions().getOrDefault(id, 0L))).marks.add(mark);
            return List.of();
        }

        private Known known(int line, long activityId) {
            Known k = known.get(activityId);
            if (k != null) {
                return k;
            }
            ActivityRef activity = activities.activity(activityId)
                    .orElseThrow(() -> new RowRefused(line, ACTIVITY_ID, "imports.activity.unknown", activityId));
            if (!activity.networkCode().equals(Actor.require().networkCode())) {
                throw new RowRefused(line, ACTIVITY_ID, "imports.activity.otherNetwork", activityId);
            }
            Known read = savepoint.execute(s -> {
                ClassRegister register = enrolments.register(activityId);
                return new Known(activity, activities.sessions(activityId), register, register.rows().stream()
                        .collect(Collectors.toMap(ClassRegister.Row::participantId, r -> r, (a, b) -> a)));
            });
            known.put(activityId, read);
            return read;
        }

        private SessionView session(int line, Known k, LocalDate day, LocalTime start) {
            List<SessionView> thatDay = k.sessions().stream().filter(s -> s.date().equals(day)).toList();
            if (thatDay.isEmpty()) {
                throw new RowRefused(line, SESSION_DATE, "imports.session.notInPlan", day.format(DAY),
                        k.activity().id());
            }
            SessionView session;
            if (start != null) {
                session = thatDay.stream().filter(s -> start.equals(s.startTime())).findFirst()
                        .orElseThrow(() -> new RowRefused(line, START_TIME, "imports.session.timeNotInPlan", start,
                                day.format(DAY)));
            } else if (thatDay.size() > 1) {
                throw new RowRefused(line, START_TIME, "imports.session.ambiguous", day.format(DAY),
                        thatDay.stream().map(s -> String.valueOf(s.startTime())).collect(Collectors.joining(", ")));
            } else {
                session = thatDay.get(0);
            }
            if (session.date().isAfter(LocalDate.now())) {
                throw new RowRefused(line, SESSION_DATE, "attendance.session.future");
            }
            // asked once per day: an approved quarter does not open or close during the run
            Optional<RuleViolationException> locked = lockedDays.computeIfAbsent(session.date(), d -> {
                try {
                    savepoint.executeWithoutResult(s -> locks.ensureOpen(k.activity().networkCode(), d));
                    return Optional.empty();
                } catch (RuleViolationException e) {
                    return Optional.of(e);
                }
            });
            if (locked.isPresent()) {
                throw new RowRefused(line, SESSION_DATE, locked.get().messageKey(), locked.get().args());
            }
            return session;
        }

        /** The enrolment whose participant has this code: the whole id, or its first 8 characters or more. */
        private ClassRegister.Row byCode(int line, Known k, String code) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            List<ClassRegister.Row> found = c.length() < 8 ? List.of() : k.register().rows().stream()
                    .filter(r -> r.participantId().toString().startsWith(c)).toList();
            if (found.size() > 1) {
                throw new RowRefused(line, PARTICIPANT_CODE, "imports.person.codeAmbiguous", code);
            }
            if (found.isEmpty()) {
                if (knownParticipant(c)) {
                    throw new RowRefused(line, PARTICIPANT_CODE, "imports.person.notEnrolled", k.activity().id());
                }
                throw new RowRefused(line, PARTICIPANT_CODE, "imports.person.codeUnknown", code);
            }
            return found.get(0);
        }

        private boolean knownParticipant(String code) {
            try {
                UUID id = UUID.fromString(code);
                return savepoint.execute(s -> {
                    registry.summary(id);
                    return true;
                });
            } catch (IllegalArgumentException | RecordNotFoundException e) {
                return false;
            }
        }

        private ClassRegister.Row byIdentity(int line, Known k, ParticipantData person) {
            Optional<UUID> held = registry.heldByNetwork(person);
            if (held.isEmpty()) {
                throw new RowRefused(line, AttendanceColumn.SURNAME, "imports.person.notFound");
            }
            ClassRegister.Row row = k.byParticipant().get(held.get());
            if (row == null) {
                throw new RowRefused(line, AttendanceColumn.SURNAME, "imports.person.notEnrolled", k.activity().id());
            }
            return row;
        }

        private static boolean same(Mark m, boolean present, BigDecimal hours) {
            return m.present() == present && m.hours().compareTo(hours) == 0;
        }

        /** Saves each session's marks as the register screen saves a session. */
        @Override
        public List<ImportNote> finish() {
            List<ImportNote> refused = new ArrayList<>();
            for (SessionMarks s : pending.values()) {
                List<AttendanceMark> marks = s.marks.stream()
                        .map(m -> new AttendanceMark(m.enrolmentId(), m.present(), m.hours())).toList();
                try {
                    savepoint.executeWithoutResult(t -> enrolments.recordSession(s.activityId, s.sessionId,
                            s.version, marks));
                } catch (RuleViolationException e) {
                    s.marks.forEach(m -> refused.add(RowHandler.note(m.line(), ImportNote.Outcome.REJECTED, null,
                            e.messageKey(), e.args())));
                } catch (RecordNotFoundException | ConcurrentEditException e) {
                    s.marks.forEach(m -> refused.add(RowHandler.note(m.line(), ImportNote.Outcome.REJECTED, null,
                            "imports.attendance.sessionChanged")));
                }
            }
            return refused;
        }
    }

    private static Map<String, Boolean> presence() {
        Map<String, Boolean> words = new HashMap<>();
        for (String w : List.of("sì", "si", "s", "yes", "y", "p", "presente", "present", "x", "1", "true", "vero")) {
            words.put(it.labimpact.shared.csv.TolerantCsv.normalise(w), Boolean.TRUE);
        }
        for (String w : List.of("no", "n", "a", "assente", "absent", "0", "false", "falso")) {
            words.put(it.labimpact.shared.csv.TolerantCsv.normalise(w), Boolean.FALSE);
        }
        return Map.copyOf(words);
    }
}
