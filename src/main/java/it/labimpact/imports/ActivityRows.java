package it.labimpact.imports;

import static it.labimpact.imports.ActivityColumn.ACTIVITY_REF;
import static it.labimpact.imports.ActivityColumn.ACTIVITY_TYPE;
import static it.labimpact.imports.ActivityColumn.CAPACITY;
import static it.labimpact.imports.ActivityColumn.COMUNE;
import static it.labimpact.imports.ActivityColumn.END_DATE;
import static it.labimpact.imports.ActivityColumn.LANGUAGES;
import static it.labimpact.imports.ActivityColumn.LEAD_ORGANISATION;
import static it.labimpact.imports.ActivityColumn.PLANNED_HOURS;
import static it.labimpact.imports.ActivityColumn.SESSION_DAY;
import static it.labimpact.imports.ActivityColumn.SESSION_END;
import static it.labimpact.imports.ActivityColumn.SESSION_HOURS;
import static it.labimpact.imports.ActivityColumn.SESSION_START;
import static it.labimpact.imports.ActivityColumn.SESSION_VENUE;
import static it.labimpact.imports.ActivityColumn.START_DATE;
import static it.labimpact.imports.ActivityColumn.STATUS;
import static it.labimpact.imports.ActivityColumn.TITLE;
import static it.labimpact.imports.ActivityColumn.VENUE;

import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityQuery;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.ActivitySummary;
import it.labimpact.activity.ActivityTypeView;
import it.labimpact.activity.SessionData;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.NetworkDetail;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.PageResponse;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.ScopeType;
import it.labimpact.shared.csv.CsvTable;
import it.labimpact.shared.csv.TolerantCsv;
import it.labimpact.territory.TerritoryCatalogue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activities with their sessions, one row per session: the rows of one activity share an activity reference (any
 * text the file chooses, e.g. "A1"), the first of them carries the activity's columns, the others repeat them or
 * leave them empty. Activities are created and sessions added through {@link ActivityManagement}, with the rules of
 * the activity form (bean validation of the same records, type, comune, members of the network, dates, hours,
 * sessions within the activity's dates and outside approved quarters). An activity of the network with the same
 * title, type and start day is the same activity: it is not created again, and its sessions already there (same
 * day and start time) are "already present", so a file uploaded twice — or again with more sessions — creates no
 * duplicates.
 */
@Component
class ActivityRows implements RowHandler {

    private static final Map<String, ActivityColumn> ACTIVITY_FIELDS = Map.ofEntries(Map.entry("title", TITLE),
            Map.entry("typeCode", ACTIVITY_TYPE), Map.entry("leadOrganisationId", LEAD_ORGANISATION),
            Map.entry("organisationIds", LEAD_ORGANISATION), Map.entry("comuneIstat", COMUNE),
            Map.entry("venue", VENUE), Map.entry("startDate", START_DATE), Map.entry("endDate", END_DATE),
            Map.entry("plannedHours", PLANNED_HOURS), Map.entry("languages", LANGUAGES),
            Map.entry("capacity", CAPACITY), Map.entry("status", STATUS));
    private static final Map<String, ActivityColumn> SESSION_FIELDS = Map.of("date", SESSION_DAY, "startTime",
            SESSION_START, "endTime", SESSION_END, "hours", SESSION_HOURS, "venue", SESSION_VENUE);

    private final ActivityManagement management;
    private final ActivityCatalogue catalogue;
    private final Partnership partnership;
    private final TerritoryCatalogue territory;
    private final Validator validator;
    private final Codes<ActivityStatus> statuses;
    private final TransactionTemplate savepoint;

    ActivityRows(ActivityManagement management, ActivityCatalogue catalogue, Partnership partnership,
            TerritoryCatalogue territory, Validator validator, MessageSource messages,
            PlatformTransactionManager transactions) {
        this.management = management;
        this.catalogue = catalogue;
        this.partnership = partnership;
        this.territory = territory;
        this.validator = validator;
        this.statuses = Codes.of(ActivityStatus.class, messages, "activity.status.");
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ACTIVITIES;
    }

    @Override
    public List<ActivityColumn> columns() {
        return List.of(ActivityColumn.values());
    }

    @Override
    public Map<ImportColumn, List<String>> choices() {
        return Map.of(ACTIVITY_TYPE, catalogue.activeTypes().stream().map(ActivityTypeView::code).toList(), STATUS,
                statuses.codes());
    }

    @Override
    public List<String> example(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String start = en ? "2026-02-02" : "02/02/2026";
        return List.of("A1", en ? "Italian course A1 – evening" : "Corso di italiano A1 – serale", "ITALIAN_L2", "",
                "015146", en ? "Via Padova 36" : "Via Padova 36", start, en ? "2026-05-29" : "29/05/2026", "60",
                "it, ar", "20", "PLANNED", start, "18:00", "20:00", "", "");
    }

    @Override
    public String templateName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "activities-template" : "modello-attivita";
    }

    @Override
    public Run open(ImportRunner.Request request) {
        return new ActivityRun();
    }

    /** An activity reference of the file: its first line, its id once created or found, its values as typed. */
    private record Group(int line, Long activityId, Map<ActivityColumn, String> typed) {
    }

    private final class ActivityRun implements Run {

        private final Map<String, Group> groups = new HashMap<>();
        private final Map<String, Integer> sessionLines = new HashMap<>();
        private Map<String, String> types;

        @Override
        public List<ImportNote> row(CsvTable.Row row) {
            Cells cells = new Cells(row);
            int line = row.line();
            String ref = cells.text(ACTIVITY_REF);
            Group group = ref == null ? null : groups.get(TolerantCsv.normalise(ref));
            ActivityData data = group == null ? activity(cells) : null;
            SessionData session = session(cells);
            if (group != null) {
                if (group.activityId() == null) {
                    return List.of(RowHandler.note(line, ImportNote.Outcome.REJECTED, ACTIVITY_REF,
                            "imports.activities.refRefused", ref, group.line()));
                }
                for (ActivityColumn c : ActivityColumn.ACTIVITY) {
                    Optional<String> typed = c.in(row);
                    if (typed.isPresent() && !TolerantCsv.normalise(typed.get())
                            .equals(TolerantCsv.normalise(group.typed().getOrDefault(c, "")))) {
                        cells.problem(c, "imports.activities.refMismatch", ref, group.line());
                    }
                }
            }
            if (!cells.ok()) {
                if (group == null && ref != null) {
                    groups.put(TolerantCsv.normalise(ref), new Group(line, null, Map.of()));
                }
                return cells.problems();
            }
            boolean[] wrote = {false};
            Long activityId = group != null ? group.activityId() : null;
            if (group == null) {
                try {
                    long id = savepoint.execute(s -> {
                        violations(line, data, ACTIVITY_FIELDS);
                        Optional<Long> existing = existing(data);
                        if (existing.isPresent()) {
                            return existing.get();
                        }
                        wrote[0] = true;
                        return management.create(data);
                    });
                    activityId = id;
                    Map<ActivityColumn, String> typed = new EnumMap<>(ActivityColumn.class);
                    ActivityColumn.ACTIVITY.forEach(c -> c.in(row).ifPresent(v -> typed.put(c, v)));
                    groups.put(TolerantCsv.normalise(ref), new Group(line, id, typed));
                } catch (RuntimeException e) {
                    groups.put(TolerantCsv.normalise(ref), new Group(line, null, Map.of()));
                    return List.of(refusal(line, e, ACTIVITY_FIELDS));
                }
            }
            if (session != null) {
                long id = activityId;
                String key = id + "|" + session.date() + "|" + session.startTime();
                Integer first = sessionLines.get(key);
                if (first != null) {
                    return List.of(RowHandler.note(line, ImportNote.Outcome.PRESENT, null, "imports.row.sameAs",
                            first));
                }
                try {
                    savepoint.executeWithoutResult(s -> {
                        violations(line, session, SESSION_FIELDS);
                        boolean there = catalogue.sessions(id).stream().anyMatch(v -> v.date().equals(session.date())
                                && Objects.equals(v.startTime(), session.startTime()));
                        if (!there) {
                            management.addSession(id, session);
                            wrote[0] = true;
                        }
                    });
                    sessionLines.put(key, line);
                } catch (RuntimeException e) {
                    return List.of(refusal(line, e, SESSION_FIELDS));
                }
            }
            return wrote[0] ? List.of()
                    : List.of(RowHandler.note(line, ImportNote.Outcome.PRESENT, null, "imports.activities.present"));
        }

        /** The activity of a reference's first row, for the uploader's network. */
        private ActivityData activity(Cells cells) {
            Actor actor = Actor.require();
            String title = cells.text(TITLE);
            String type = type(cells);
            Long lead = lead(cells, actor);
            String comune = comune(cells);
            String venue = cells.text(VENUE);
            LocalDate start = cells.date(START_DATE);
            LocalDate end = cells.date(END_DATE);
            BigDecimal hours = cells.decimal(PLANNED_HOURS, "imports.number.invalid");
            String languages = cells.text(LANGUAGES);
            Long capacity = cells.id(CAPACITY, "imports.number.invalid");
            ActivityStatus status = cells.coded(STATUS, statuses);
            if (status == null && start != null && end != null) {
                LocalDate today = LocalDate.now();
                status = today.isBefore(start) ? ActivityStatus.PLANNED
                        : today.isAfter(end) ? ActivityStatus.COMPLETED : ActivityStatus.ONGOING;
            }
            List<String> codes = languages == null ? List.of()
                    : Arrays.stream(languages.split("[,;/\\s]+")).filter(s -> !s.isBlank()).toList();
            return new ActivityData(title, type, actor.networkCode(), lead, List.of(), comune, venue, start, end, hours,
                    codes, capacity == null ? null : capacity > Integer.MAX_VALUE ? Integer.MAX_VALUE
                            : capacity.intValue(), null, null, status, null);
        }

        private String type(Cells cells) {
            String typed = cells.text(ACTIVITY_TYPE);
            if (typed == null) {
                return null;
            }
            if (types == null) {
                types = new HashMap<>();
                for (ActivityTypeView t : catalogue.types()) {
                    types.put(TolerantCsv.normalise(t.code()), t.code());
                    types.putIfAbsent(TolerantCsv.normalise(t.labelIt()), t.code());
                    types.putIfAbsent(TolerantCsv.normalise(t.labelEn()), t.code());
                }
            }
            String code = types.get(TolerantCsv.normalise(typed));
            if (code == null) {
                cells.problem(ACTIVITY_TYPE, "imports.code.invalid", typed, String.join(", ",
                        catalogue.activeTypes().stream().map(ActivityTypeView::code).toList()));
            }
            return code;
        }

        /** The lead organisation: a member named or numbered, else the uploader's own, else the network's lead. */
        private Long lead(Cells cells, Actor actor) {
            String typed = cells.text(LEAD_ORGANISATION);
            if (typed == null) {
                if (actor.scope() == ScopeType.ORGANISATION) {
                    return actor.organisationId();
                }
                return partnership.network(actor.networkCode()).map(n -> n.summary().leadOrganisationId())
                        .orElse(null);
            }
            List<Member> members = partnership.network(actor.networkCode()).map(NetworkDetail::members)
                    .orElse(List.of());
            String n = TolerantCsv.normalise(typed);
            Optional<Member> member = members.stream().filter(m -> TolerantCsv.normalise(m.organisationName())
                    .equals(n) || String.valueOf(m.organisationId()).equals(typed.strip())).findFirst();
            if (member.isEmpty()) {
                cells.problem(LEAD_ORGANISATION, "imports.organisation.unknown", typed);
                return null;
            }
            return member.get().organisationId();
        }

        private String comune(Cells cells) {
            String typed = cells.text(COMUNE);
            if (typed == null) {
                return null;
            }
            String t = typed.strip();
            if (t.matches("\\d{1,6}")) {
                return "0".repeat(6 - t.length()) + t; // the leading zeros a spreadsheet drops
            }
            List<String> codes = territory.resolve(t).codes();
            if (codes.size() != 1) {
                cells.problem(COMUNE, "imports.comune.unknown", typed);
                return null;
            }
            return codes.get(0);
        }

        private SessionData session(Cells cells) {
            LocalDate day = cells.date(SESSION_DAY);
            LocalTime start = cells.time(SESSION_START);
            LocalTime end = cells.time(SESSION_END);
            BigDecimal hours = cells.decimal(SESSION_HOURS, "imports.number.invalid");
            String venue = cells.text(SESSION_VENUE);
            if (day == null) {
                if (start != null || end != null || hours != null || venue != null) {
                    cells.needed(SESSION_DAY);
                }
                return null;
            }
            return new SessionData(day, start, end, hours, venue, null);
        }

        /** An activity of the network with the same title, type and start day. */
        private Optional<Long> existing(ActivityData data) {
            for (int page = 0;; page++) {
                PageResponse<ActivitySummary> found = catalogue.activities(new ActivityQuery(data.networkCode(),
                        data.typeCode(), null, null, null, null, null, null), new PageRequest(page,
                                PageResponse.MAX_SIZE));
                Optional<Long> same = found.items().stream().filter(a -> a.startDate().equals(data.startDate())
                        && a.title().strip().equalsIgnoreCase(data.title().strip())).map(ActivitySummary::id)
                        .findFirst();
                if (same.isPresent() || found.items().size() < found.size()) {
                    return same;
                }
            }
        }
    }

    /** Refuses a record the form's bean validation refuses, on the column of the first field refused. */
    private <T> void violations(int line, T record, Map<String, ActivityColumn> fields) {
        Set<ConstraintViolation<T>> found = validator.validate(record);
        found.stream().min(java.util.Comparator.comparing(v -> order(v, fields))).ifPresent(v -> {
            ActivityColumn column = fields.get(v.getPropertyPath().toString());
            String template = v.getMessageTemplate();
            if (template.contains("NotBlank") || template.contains("NotNull")) {
                throw new RowRefused(line, column, "import.required");
            }
            if (template.startsWith("{") && !template.startsWith("{jakarta.")) {
                throw new RowRefused(line, column, template.substring(1, template.length() - 1));
            }
            throw new RowRefused(line, column, "imports.value.invalid", String.valueOf(v.getInvalidValue()));
        });
    }

    private static int order(ConstraintViolation<?> v, Map<String, ActivityColumn> fields) {
        ActivityColumn c = fields.get(v.getPropertyPath().toString());
        return c == null ? Integer.MAX_VALUE : c.ordinal();
    }

    private static ImportNote refusal(int line, RuntimeException e, Map<String, ActivityColumn> fields) {
        if (e instanceof RowRefused r) {
            return r.note();
        }
        if (e instanceof RuleViolationException r) {
            ActivityColumn column = "period.locked".equals(r.messageKey()) ? SESSION_DAY
                    : r.field() == null ? null : fields.get(r.field());
            return RowHandler.note(line, ImportNote.Outcome.REJECTED, column, r.messageKey(), r.args());
        }
        if (e instanceof RecordNotFoundException || e instanceof AccessDeniedException) {
            return RowHandler.note(line, ImportNote.Outcome.REJECTED, null, "imports.row.outOfScope");
        }
        throw e;
    }
}
