package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.csv;
import static it.labimpact.imports.ImportFixtures.iso;
import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityCatalogue;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityRef;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.TaxCodes;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import it.labimpact.shared.RuleViolationException;
import it.labimpact.shared.csv.CsvTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The participants import with what is the same for every row checked once per job ({@link ParticipantRows} over
 * {@code ParticipantRegistry.Intake} and {@code Enrolments.Enroller}) gives exactly what the row-by-row path gave
 * ({@code heldByNetwork}, then {@code register}, then {@code enrol}, each row in a savepoint; kept below as the
 * reference): the same notes per row, participants, persons, identity hashes, near-match keys, match reviews,
 * enrolments and audit entries, on the same file from the same state (each run in a transaction rolled back).
 */
@SpringBootTest
class ParticipantImportEqualityTest {

    static final Actor MILANO = ImportFixtures.milano();
    static final String HEADER = "Surname,Given names,Sex,Birth date,Country of birth,Citizenship,Tax code,"
            + "Municipality of residence,First contact date,Activity ID,Enrolment date";
    static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    ParticipantRows handler;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    Enrolments enrolments;

    @Autowired
    ActivityCatalogue activities;

    @Autowired
    ActivityManagement management;

    @Autowired
    ImportSettings settings;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    long course;
    long otherCourse;
    long cremascaCourse;
    int notice;
    long organisation;

    @BeforeEach
    void data() {
        clean();
        course = ImportFixtures.course(management, jdbc, "milano");
        otherCourse = ImportFixtures.course(management, jdbc, "milano");
        cremascaCourse = ImportFixtures.course(management, jdbc, "cremasca");
        notice = ParticipantFixtures.currentNotice(jdbc);
        organisation = ParticipantFixtures.leadOrganisation(jdbc, "milano");
        // held before the file: one in another network (same code), two in this one (one already enrolled)
        String held = "Held,Anna,F,1985-01-02,MA,MA,,015146," + iso(30) + ",,";
        String enrolled = "Enrolled,Bea,F,1986-01-02,AL,AL,,015146," + iso(30) + "," + course + "," + iso(15);
        new ImportRunnerHarness().commit(csv(StandardCharsets.UTF_8, HEADER, held, enrolled));
        TestActors.run(TestActors.operator("cremasca"), () -> registry.register("cremasca",
                ParticipantFixtures.leadOrganisation(jdbc, "cremasca"), notice,
                ParticipantFixtures.person("El Amrani", "Fatima", java.time.LocalDate.of(1990, 3, 12),
                        "MHMFTM90C52Z330Q")));
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from imports_job").update();
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void theOncePerJobPathWritesAndReportsExactlyWhatTheRowByRowPathDid() {
        String code = TaxCodes.personal("NDYWAA90C52Z343");
        String otherCode = TaxCodes.personal("NDYWAA90C52Z344");
        byte[] file = csv(StandardCharsets.UTF_8, HEADER,
                // new, with a code, enrolled
                "Ndiaye,Awa,F,1990-03-12,SN,SN," + code + ",015146," + iso(10) + "," + course + "," + iso(5),
                // new, no code, no enrolment, comune by name
                "Mohamed,Karim,M,1988-07-01,EG,EG,,Milano," + iso(10) + ",,",
                // the first row's person again: same as line 2, enrolled in another course
                "Ndiaye,Awa,F,1990-03-12,SN,SN," + code + ",015146," + iso(10) + "," + otherCourse + "," + iso(4),
                // the same again, same course: same as line 2
                "Ndiaye,Awa,F,1990-03-12,SN,SN," + code + ",015146," + iso(10) + "," + course + "," + iso(5),
                // same names, birth, sex and country, another code: a new person and a review
                "Ndiaye,Awa,F,1990-03-12,SN,SN," + otherCode + ",015146," + iso(10) + ",,",
                // similar names: a new person and a review of similar names
                "Ndiay,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,",
                // held by another network: registered here, known in the project
                "El Amrani,Fatima,F,1990-03-12,MA,MA,MHMFTM90C52Z330Q,015146," + iso(3) + "," + course + ","
                        + iso(2),
                // held by this network, not enrolled: enrolled only
                "Held,Anna,F,1985-01-02,MA,MA,,015146," + iso(30) + "," + course + "," + iso(5),
                // held and enrolled: already present
                "Enrolled,Bea,F,1986-01-02,AL,AL,,015146," + iso(30) + "," + course + "," + iso(15),
                // held, no enrolment: already present
                "Held,Anna,F,1985-01-02,MA,MA,,015146," + iso(30) + ",,",
                // refused: unknown comune, then an activity of another network, then a date before first contact
                "Rossi,Ugo,M,1970-01-01,PE,PE,,Atlantide," + iso(10) + ",,",
                "Bianchi,Ada,F,1971-01-01,PE,PE,,015146," + iso(10) + "," + cremascaCourse + "," + iso(5),
                "Verdi,Eva,F,1972-01-01,PE,PE,,015146," + iso(10) + "," + course + "," + iso(20),
                // refused by the parser: no sex
                "Neri,Ivo,,1973-01-01,PE,PE,,015146," + iso(10) + ",,",
                // the refused rows' people again, now valid: registered (the refusals left no trace)
                "Rossi,Ugo,M,1970-01-01,PE,PE,,015146," + iso(10) + ",,",
                "Verdi,Eva,F,1972-01-01,PE,PE,,015146," + iso(10) + "," + course + "," + iso(5),
                // the future: first contact tomorrow
                "Gialli,Lia,F,1974-01-01,PE,PE,,015146," + iso(-1) + ",,");
        Snapshot rowByRow = compare(file, new ImportRunner.Request(1, ImportMode.COMMIT, organisation, notice));

        // the file exercised what it was meant to
        assertThat(rowByRow.notes().stream().flatMap(List::stream).map(ImportNote::messageKey).distinct().sorted())
                .contains("imports.row.present", "imports.row.sameAs", "participant.residence.unknown",
                        "imports.activity.otherNetwork", "enrolment.date.impossible",
                        "participant.invalid", "import.required");
        assertThat(rowByRow.tables().get("reviews").toString()).contains("DIFFERENT_CODE", "SIMILAR_NAMES");
        assertThat(rowByRow.audit().toString()).contains("alreadyRegisteredInProject=true");
    }

    @Test
    void refusalsCheckedOncePerJobAreGivenRowByRowInTheSameOrderAsBefore() {
        String[] rows = {HEADER,
            "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + "," + course + "," + iso(5),
            "Held,Anna,F,1985-01-02,MA,MA,,015146," + iso(30) + "," + course + "," + iso(5),
            "Neri,Ivo,M,1973-01-01,PE,PE,,Atlantide," + iso(10) + ",,",
            "Neri,Ivo,M,1873-01-01,PE,PE,,015146," + iso(10) + ",,"};
        byte[] file = csv(StandardCharsets.UTF_8, rows);
        long cremascaLead = ParticipantFixtures.leadOrganisation(jdbc, "cremasca");

        Snapshot outdated = compare(file, new ImportRunner.Request(1, ImportMode.COMMIT, organisation, notice + 1));
        Snapshot notMember = compare(file, new ImportRunner.Request(1, ImportMode.COMMIT, cremascaLead, notice));
        Snapshot noNotice = compare(file, new ImportRunner.Request(1, ImportKind.PARTICIPANTS, ImportMode.COMMIT,
                organisation, null));

        assertThat(outdated.notes().toString()).contains("participant.consent.outdated", "participant.birthDate.range");
        assertThat(notMember.notes().toString()).contains("participant.organisation.notMember");
        assertThat(noNotice.notes().toString()).contains("participant.consent.required");
    }

    /** Runs the file through both paths from the same state; asserts they are equal; returns the reference. */
    private Snapshot compare(byte[] file, ImportRunner.Request request) {
        CsvTable table = SpreadsheetReader.read(file, settings,
                header -> ImportColumn.known(handler.columns(), header));
        Snapshot rowByRow = rolledBack(() -> {
            RowHandler.Run reference = referenceRun(request);
            return table.rows().stream().map(reference::row).toList();
        });
        // set-based: the whole file as one chunk, chunks of three (people repeated across chunks, rows refused
        // mid-chunk) and chunks of one row
        for (int size : new int[] {table.rows().size(), 3, 1}) {
            Snapshot once = rolledBack(() -> {
                RowHandler.Run run = handler.open(request, table);
                List<List<ImportNote>> notes = new ArrayList<>();
                for (int from = 0; from < table.rows().size(); from += size) {
                    notes.addAll(run.rows(table.rows().subList(from, Math.min(table.rows().size(), from + size))));
                }
                return notes;
            });
            assertThat(once.notes()).as("chunks of %d", size).isEqualTo(rowByRow.notes());
            assertThat(once.tables()).as("chunks of %d", size).isEqualTo(rowByRow.tables());
            assertThat(once.audit()).as("chunks of %d", size).isEqualTo(rowByRow.audit());
        }
        return rowByRow;
    }

    record Snapshot(List<List<ImportNote>> notes, Map<String, List<String>> tables, List<String> audit) {
    }

    /** Runs the rows as MILANO in a transaction, takes the snapshot inside it, then rolls back. */
    private Snapshot rolledBack(java.util.function.Supplier<List<List<ImportNote>>> rows) {
        long auditMark = ParticipantFixtures.lastAuditId(jdbc);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return TestActors.call(MILANO, () -> tx.execute(status -> {
            List<List<ImportNote>> notes = rows.get();
            Snapshot s = snapshot(notes, auditMark);
            status.setRollbackOnly();
            return s;
        }));
    }

    /** The state, with ids replaced by labels that do not depend on random ids or sequences. */
    private Snapshot snapshot(List<List<ImportNote>> notes, long auditMark) {
        Map<String, String> labels = new HashMap<>();
        // participants in the order they were registered (audit), the ones held before first
        List<String> participants = new ArrayList<>();
        jdbc.sql("""
                select p.id::text from participant p
                left join audit_event a on a.action = 'participant.register' and a.record_id = p.id::text
                order by a.id nulls first, p.id""").query(String.class).list()
                .forEach(id -> labels.put(id, "p" + labels.size()));
        List<Map<String, Object>> rows = jdbc.sql("""
                select p.id::text as id, p.person_id::text as person, p.network_code, p.organisation_id,
                    p.registered_by, p.first_contact_date, p.sex, p.birth_year, p.citizenship, p.residence_istat,
                    p.consent_notice_version, p.vulnerable, p.erased_at is null as active,
                    (select count(*) from participant_vault v where v.participant_id = p.id) as vaults
                from participant p""").query().listOfRows();
        rows.sort(java.util.Comparator.comparing(r -> Integer.parseInt(labels.get((String) r.get("id")).substring(1))));
        for (Map<String, Object> r : rows) {
            labels.computeIfAbsent((String) r.get("person"), p -> "person" + labels.size());
        }
        for (Map<String, Object> r : rows) {
            Map<String, Object> copy = new LinkedHashMap<>(r);
            copy.put("id", labels.get((String) r.get("id")));
            copy.put("person", labels.get((String) r.get("person")));
            participants.add(copy.toString());
        }
        HexFormat hex = HexFormat.of();
        List<String> identities = jdbc.sql("select hash, kind, person_id::text from participant_identity")
                .query((rs, n) -> hex.formatHex(rs.getBytes(1)) + " " + rs.getString(2) + " "
                        + labels.getOrDefault(rs.getString(3), "unattached")).list().stream().sorted().toList();
        List<String> near = jdbc.sql("select key, participant_id::text from participant_near_key")
                .query((rs, n) -> labels.get(rs.getString(2)) + " " + rs.getLong(1)).list().stream().sorted()
                .toList();
        List<String> reviews = jdbc.sql("""
                select participant_id::text, candidate_id::text, reason, status from participant_match_review""")
                .query((rs, n) -> labels.get(rs.getString(1)) + " " + labels.get(rs.getString(2)) + " "
                        + rs.getString(3) + " " + rs.getString(4)).list().stream().sorted().toList();
        Map<String, String> enrolmentLabels = new HashMap<>();
        List<String> enrolmentRows = jdbc.sql("""
                select id, participant_id::text, activity_id, enrolled_on, status, created_by
                from participant_enrolment""")
                .query((rs, n) -> {
                    String label = "e:" + labels.get(rs.getString(2)) + ":" + activityLabel(rs.getLong(3));
                    enrolmentLabels.put(String.valueOf(rs.getLong(1)), label);
                    return label + " " + rs.getDate(4) + " " + rs.getString(5) + " " + rs.getString(6);
                }).list().stream().sorted().toList();
        List<String> audit = jdbc.sql("""
                select actor, action, record_type, record_id, details::text from audit_event where id > :id
                order by id""").param("id", auditMark)
                .query((rs, n) -> {
                    String record = rs.getString(4);
                    record = record == null ? null : labels.getOrDefault(record,
                            enrolmentLabels.getOrDefault(record, record));
                    return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + record + " "
                            + relabel(rs.getString(5), labels).replace(String.valueOf(course), "course")
                            .replace(String.valueOf(otherCourse), "otherCourse");
                }).list();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("participants", participants);
        tables.put("identities", identities);
        tables.put("near", near);
        tables.put("reviews", reviews);
        tables.put("enrolments", enrolmentRows);
        return new Snapshot(notes, tables, audit.stream().map(a -> a.replace("\": ", "=")).toList());
    }

    private String activityLabel(long id) {
        return id == course ? "course" : id == otherCourse ? "otherCourse" : String.valueOf(id);
    }

    private static String relabel(String text, Map<String, String> labels) {
        if (text == null) {
            return "";
        }
        Matcher m = UUIDS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, labels.getOrDefault(m.group(), "?"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Commits a file through the handler (the state held before the compared runs). */
    private final class ImportRunnerHarness {
        void commit(byte[] file) {
            CsvTable table = SpreadsheetReader.read(file, settings,
                    header -> ImportColumn.known(handler.columns(), header));
            TestActors.run(MILANO, () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                RowHandler.Run run = handler.open(new ImportRunner.Request(0, ImportMode.COMMIT, organisation,
                        notice));
                table.rows().forEach(r -> assertThat(run.row(r)).isEmpty());
            }));
        }
    }

    /**
     * The row-by-row path as it was before the per-job checks (commit 357cd62): the reference the equality is
     * measured against.
     */
    private RowHandler.Run referenceRun(ImportRunner.Request request) {
        Map<UUID, Integer> registeredAt = new HashMap<>();
        Map<Long, Optional<ActivityRef>> activityCache = new HashMap<>();
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return row -> {
            ParticipantRow parsed = ParticipantRow.parse(row);
            if (!parsed.problems().isEmpty()) {
                return parsed.problems();
            }
            try {
                return savepoint.execute(s -> {
                    Actor actor = Actor.require();
                    Optional<UUID> held = registry.heldByNetwork(parsed.data());
                    UUID participant = held.orElseGet(() -> registry.register(actor.networkCode(),
                            request.organisationId(), request.consentNoticeVersion(), parsed.data())
                            .participantId());
                    boolean enrolled = false;
                    if (parsed.activityId() != null) {
                        long activityId = parsed.activityId();
                        ActivityRef activity = activityCache.computeIfAbsent(activityId, activities::activity)
                                .filter(a -> a.networkCode().equals(actor.networkCode()))
                                .orElseThrow(() -> new RuleViolationException("activityId",
                                        "imports.activity.otherNetwork", activityId));
                        boolean present = held.isPresent()
                                && enrolments.list(activity.id(), participant, new PageRequest(0, 1)).total() > 0;
                        if (!present) {
                            enrolments.enrol(participant, activityId, parsed.enrolledOn());
                            enrolled = true;
                        }
                    }
                    if (held.isEmpty()) {
                        registeredAt.put(participant, parsed.line());
                        return List.<ImportNote>of();
                    }
                    if (enrolled) {
                        return List.<ImportNote>of();
                    }
                    Integer first = registeredAt.get(participant);
                    return List.of(first == null
                            ? RowHandler.note(parsed.line(), ImportNote.Outcome.PRESENT, null, "imports.row.present")
                            : RowHandler.note(parsed.line(), ImportNote.Outcome.PRESENT, null, "imports.row.sameAs",
                                    first));
                });
            } catch (RuleViolationException e) {
                ParticipantColumn column = e.field() == null ? null : ParticipantRows.FIELDS.get(e.field());
                return List.of(RowHandler.note(parsed.line(), ImportNote.Outcome.REJECTED, column, e.messageKey(),
                        e.args()));
            } catch (RecordNotFoundException e) {
                return List.of(RowHandler.note(parsed.line(), ImportNote.Outcome.REJECTED, null,
                        "imports.row.outOfScope"));
            }
        };
    }
}
