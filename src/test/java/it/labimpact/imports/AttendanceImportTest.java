package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.csv;
import static it.labimpact.imports.ImportFixtures.day;
import static it.labimpact.imports.ImportFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityData;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.activity.ActivityStatus;
import it.labimpact.activity.SessionData;
import it.labimpact.participant.EnrolmentStatus;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.shared.Actor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A class register kept in a spreadsheet: rows naming the person by code or by identity, present/absent or hours,
 * two sessions on one day told apart by the start time; every kind of bad row with its exact report; the register
 * unchanged after a refused commit; the same file twice; a locked quarter; a real workbook; the template.
 */
@SpringBootTest
class AttendanceImportTest {

    static final Actor MILANO = ImportFixtures.milano();
    static final String HEADER = "ID attività;Data incontro;Ora inizio;Codice partecipante;Cognome;Nome;Sesso;"
            + "Data di nascita;Paese di nascita;Presente;Ore";

    @Autowired
    Imports imports;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    Enrolments enrolments;

    @Autowired
    ActivityManagement management;

    @Autowired
    JdbcClient jdbc;

    long course;
    long cremascaCourse;
    UUID awa;
    UUID karim;
    UUID omar;

    @BeforeEach
    void data() {
        clean();
        course = ImportFixtures.course(management, jdbc, "milano");
        cremascaCourse = ImportFixtures.course(management, jdbc, "cremasca");
        TestActors.run(TestActors.coordinator(), () -> {
            management.addSession(course, session(10, "09:00", "11:00"));
            management.addSession(course, session(5, "09:00", "11:00"));
            management.addSession(course, session(5, "14:00", "16:00"));
            management.addSession(course, session(-5, "09:00", "11:00"));
            management.addSession(cremascaCourse, session(10, "09:00", "11:00"));
        });
        awa = person("Ndiaye", "Awa", Sex.F, LocalDate.of(1990, 3, 12), "SN");
        karim = person("Mohamed", "Karim", Sex.M, LocalDate.of(1988, 7, 1), "EG");
        omar = person("Ali", "Omar", Sex.M, LocalDate.of(1985, 1, 20), "EG");
        TestActors.run(MILANO, () -> {
            enrolments.enrol(awa, course, LocalDate.now().minusDays(15));
            enrolments.enrol(karim, course, LocalDate.now().minusDays(15));
        });
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from indicator_submission").update();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from imports_job").update();
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void validatesThenCommitsASemicolonRegisterNamingPeopleByCodeOrIdentity() {
        byte[] file = csv(Charset.forName("windows-1252"), HEADER,
                course + ";" + day(10) + ";;" + awa.toString().substring(0, 8) + ";;;;;;sì;",
                course + ";" + day(10) + ";;;Mohamed;Karim;M;01/07/1988;Egitto;no;",
                course + ";" + day(5) + ";14:00;" + awa + ";;;;;;;1,5",
                course + ";" + LocalDate.now().minusDays(5) + ";09.00;;Mohamed;Karim;maschio;1988-07-01;EG;P;");
        long before = attendance();

        ImportJob validated = run(ImportMode.VALIDATE, file);

        assertThat(notes(validated)).isEmpty();
        assertThat(validated.status()).isEqualTo(ImportStatus.VALIDATED);
        assertThat(validated.kind()).isEqualTo(ImportKind.ATTENDANCE);
        assertThat(List.of(validated.rowsTotal(), validated.rowsAccepted())).containsExactly(4, 4);
        assertThat(attendance()).isEqualTo(before);

        ImportJob committed = run(ImportMode.COMMIT, file);

        assertThat(committed.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(attendance()).isEqualTo(before + 4);
        assertThat(marks(awa)).containsExactly("true 2.00", "true 1.50");
        assertThat(marks(karim)).containsExactly("false 0.00", "true 2.00");
        assertThat(status(awa)).isEqualTo(EnrolmentStatus.ATTENDING);

        ImportJob again = run(ImportMode.COMMIT, file);

        assertThat(again.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(List.of(again.rowsAccepted(), again.rowsRejected(), again.rowsPresent()))
                .containsExactly(0, 0, 4);
        assertThat(notes(again)).extracting(ImportNote::messageKey).containsOnly("imports.attendance.present");
        assertThat(attendance()).isEqualTo(before + 4);
    }

    @Test
    void reportsEveryBadRowWithItsColumnAndReasonAndWritesNothing() {
        byte[] file = csv(StandardCharsets.UTF_8, HEADER,
                course + ";" + day(10) + ";;" + awa + ";;;;;;sì;",
                "999999;" + day(10) + ";;" + awa + ";;;;;;sì;",
                course + ";" + day(11) + ";;" + awa + ";;;;;;sì;",
                course + ";" + day(5) + ";;" + awa + ";;;;;;sì;",
                course + ";" + day(5) + ";10:00;" + awa + ";;;;;;sì;",
                course + ";" + day(10) + ";;;Rossi;Maria;F;01/01/1990;IT;sì;",
                course + ";" + day(10) + ";;" + omar + ";;;;;;sì;",
                cremascaCourse + ";" + day(10) + ";;" + awa + ";;;;;;sì;",
                course + ";" + day(10) + ";;" + karim + ";;;;;;forse;",
                course + ";31/02/2026;;" + karim + ";;;;;;sì;",
                course + ";" + day(-5) + ";;" + karim + ";;;;;;sì;",
                course + ";" + day(10) + ";;" + karim + ";;;;;;;3",
                course + ";" + day(10) + ";;" + karim + ";;;;;;no;1",
                course + ";" + day(10) + ";;ffffffff;;;;;;sì;",
                course + ";" + day(10) + ";;;Mohamed;;M;01/07/1988;EG;sì;");
        long before = attendance();

        ImportJob job = run(ImportMode.COMMIT, file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(List.of(job.rowsTotal(), job.rowsAccepted(), job.rowsRejected())).containsExactly(15, 1, 14);
        String d5 = day(5);
        assertThat(notes(job)).containsExactly(
                rejected(3, "ID attività", "imports.activity.unknown", "999999"),
                rejected(4, "Data incontro", "imports.session.notInPlan", day(11), String.valueOf(course)),
                rejected(5, "Ora inizio", "imports.session.ambiguous", d5, "09:00, 14:00"),
                rejected(6, "Ora inizio", "imports.session.timeNotInPlan", "10:00", d5),
                rejected(7, "Cognome", "imports.person.notFound"),
                rejected(8, "Codice partecipante", "imports.person.notEnrolled", String.valueOf(course)),
                rejected(9, "ID attività", "imports.activity.otherNetwork", String.valueOf(cremascaCourse)),
                rejected(10, "Presente", "imports.attendance.presence.invalid", "forse"),
                rejected(11, "Data incontro", "imports.date.invalid", "31/02/2026"),
                rejected(12, "Data incontro", "attendance.session.future"),
                rejected(13, "Ore", "imports.attendance.hours.aboveSession", "2"),
                rejected(14, "Ore", "attendance.hours.absent"),
                rejected(15, "Codice partecipante", "imports.person.codeUnknown", "ffffffff"),
                rejected(16, "Nome", "import.required"));
        assertThat(attendance()).isEqualTo(before);
    }

    @Test
    void theSameMarkTwiceInAFileIsPresentAndTwoDifferentMarksAreAConflict() {
        byte[] file = csv(StandardCharsets.UTF_8, HEADER,
                course + ";" + day(10) + ";;" + awa + ";;;;;;sì;",
                course + ";" + day(10) + ";;;Ndiaye;Awa;F;12/03/1990;SN;;2",
                course + ";" + day(10) + ";;" + karim + ";;;;;;sì;",
                course + ";" + day(10) + ";;" + karim + ";;;;;;no;");

        ImportJob job = run(ImportMode.VALIDATE, file);

        assertThat(job.status()).isEqualTo(ImportStatus.INVALID);
        assertThat(notes(job)).containsExactly(
                new ImportNote(3, ImportNote.Outcome.PRESENT, null, "imports.row.sameAs", List.of("2")),
                new ImportNote(5, ImportNote.Outcome.REJECTED, null, "imports.attendance.conflict", List.of("4")));
    }

    @Test
    void aSessionInAnApprovedQuarterIsRefused() {
        LocalDate quarterStart = LocalDate.now().withDayOfMonth(1)
                .withMonth((LocalDate.now().getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
        LocalDate locked = quarterStart.plusDays(14);
        long old = TestActors.call(TestActors.coordinator(), () -> {
            long id = management.create(new ActivityData("Corso chiuso", "ITALIAN_L2", "milano",
                    ParticipantFixtures.leadOrganisation(jdbc, "milano"), List.of(), ParticipantFixtures.MILANO, null,
                    quarterStart, LocalDate.now().plusDays(30), new BigDecimal("20"), List.of("it"), null, null, null,
                    ActivityStatus.ONGOING, null));
            management.addSession(id, new SessionData(locked, null, null, new BigDecimal("2"), null, null));
            return id;
        });
        TestActors.run(MILANO, () -> enrolments.enrol(awa, old, LocalDate.now().minusDays(60)));
        jdbc.sql("""
                insert into indicator_submission (network_code, period_code, status, submitted_by, submitted_at,
                                                  decided_by, decided_at)
                values ('milano', :p, 'APPROVED', 'test.lead', now(), 'test.coordinator', now())""")
                .param("p", quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1)).update();

        ImportJob job = run(ImportMode.COMMIT, csv(StandardCharsets.UTF_8, HEADER,
                old + ";" + locked.format(ImportFixtures.ITALIAN) + ";;" + awa + ";;;;;;sì;"));

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(notes(job)).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(2);
            assertThat(n.column()).isEqualTo("Data incontro");
            assertThat(n.messageKey()).isEqualTo("period.locked");
        });
        assertThat(attendance()).isZero();
    }

    @Test
    void readsARealWorkbookWithDateAndTimeCellsInEnglish() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Register");
            String[] head = {"Activity ID", "Session date", "Start time", "Participant code", "Hours"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("hh:mm"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(course);
            Cell d = r.createCell(1);
            d.setCellValue(LocalDate.now().minusDays(5));
            d.setCellStyle(date);
            Cell t = r.createCell(2);
            t.setCellValue(14.0 / 24);
            t.setCellStyle(time);
            r.createCell(3).setCellValue(karim.toString());
            r.createCell(4).setCellValue(1.5);
            sheet.createRow(5).createCell(0).setCellStyle(date); // formatted but empty
            wb.write(out);
            file = out.toByteArray();
        }

        ImportJob job = run(ImportMode.COMMIT, file);

        assertThat(notes(job)).isEmpty();
        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(marks(karim)).containsExactly("true 1.50");
    }

    @Test
    void aFileWithoutCodeNorIdentityNorPresenceIsRefusedAsAWhole() {
        ImportJob job = run(ImportMode.VALIDATE, csv(StandardCharsets.UTF_8, "ID attività;Data incontro;Cognome",
                course + ";" + day(10) + ";Ndiaye"));

        assertThat(job.problemKey()).isEqualTo("imports.file.columns");
        assertThat(notes(job)).extracting(ImportNote::column).containsExactly("Nome", "Sesso", "Data di nascita",
                "Paese di nascita", "Presente");
    }

    @Test
    void theTemplateHasTheRegisterColumnsNotesAndLists() throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(
                imports.template(ImportKind.ATTENDANCE, Locale.ITALIAN)))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Presenze");
            assertThat(cells(sheet.getRow(0))).containsExactly("ID attività", "Data incontro", "Ora inizio",
                    "Codice partecipante", "Cognome", "Nome", "Sesso", "Data di nascita", "Paese di nascita",
                    "Codice fiscale", "Presente", "Ore");
            assertThat(sheet.getRow(0).getCell(0).getCellComment().getString().getString()).contains("obbligatoria");
            assertThat(sheet.getDataValidations()).hasSize(3);
        }
        assertThat(new String(imports.templateCsv(ImportKind.ATTENDANCE, Locale.ENGLISH), StandardCharsets.UTF_8))
                .startsWith("Activity ID;Session date;Start time;Participant code;Surname;");
        assertThat(imports.templateName(ImportKind.ATTENDANCE, Locale.ITALIAN)).isEqualTo("modello-presenze");
    }

    @Test
    void readsTheWideLayoutOneRowPerPersonAndOneColumnPerSession() throws IOException {
        String d10 = day(10);
        String d5 = day(5);
        byte[] file = csv(StandardCharsets.UTF_8,
                "ID attività;Codice partecipante;Cognome;Nome;Sesso;Data di nascita;Paese di nascita;" + d10 + ";"
                        + d5 + " 14:00;" + day(11),
                course + ";" + awa + ";;;;;;sì;1,5;",
                course + ";;Mohamed;Karim;M;01/07/1988;EG;A;;",
                course + ";" + omar + ";;;;;;P;;",
                course + ";" + karim + ";;;;;;;forse;sì");

        ImportJob job = run(ImportMode.VALIDATE, file);

        assertThat(notes(job)).containsExactly(
                rejected(4, "Codice partecipante", "imports.person.notEnrolled", String.valueOf(course)),
                rejected(5, d5 + " 14:00", "imports.attendance.presence.invalid", "forse"),
                rejected(5, day(11), "imports.session.notInPlan", day(11), String.valueOf(course)));
        assertThat(List.of(job.rowsAccepted(), job.rowsRejected())).containsExactly(2, 2);

        ImportJob committed = run(ImportMode.COMMIT, csv(StandardCharsets.UTF_8,
                "ID attività;Codice partecipante;" + d10 + ";" + d5 + " 14:00",
                course + ";" + awa + ";sì;1,5", course + ";" + karim + ";no;"));
        assertThat(committed.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(marks(awa)).containsExactly("true 2.00", "true 1.50");
        assertThat(marks(karim)).containsExactly("false 0.00");

        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Registro");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("ID attività");
            h.createCell(1).setCellValue("Codice partecipante");
            Cell day = h.createCell(2);
            day.setCellValue(LocalDate.now().minusDays(10));
            day.setCellStyle(date);
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(course);
            r.createCell(1).setCellValue(awa.toString());
            r.createCell(2).setCellValue("x");
            wb.write(out);
            workbook = out.toByteArray();
        }
        ImportJob again = run(ImportMode.COMMIT, workbook);
        assertThat(List.of(again.rowsAccepted(), again.rowsPresent())).containsExactly(0, 1);
        assertThat(notes(again)).extracting(ImportNote::messageKey).containsExactly("imports.attendance.present");
    }

    @Test
    void aWholeTermRegisterOfAThousandMarksIsCheckedAndSavedSessionBySession() {
        long term = ImportFixtures.course(management, jdbc, "milano");
        List<LocalDate> days = new ArrayList<>();
        TestActors.run(TestActors.coordinator(), () -> {
            for (int d = 19; d >= 0; d--) {
                LocalDate day = LocalDate.now().minusDays(d);
                management.addSession(term, new SessionData(day, LocalTime.of(9, 0), LocalTime.of(11, 0), null, null,
                        null));
                days.add(day);
            }
        });
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID p = person("Persona" + i, "Prova", i % 2 == 0 ? Sex.F : Sex.M, LocalDate.of(1980 + i % 20, 1 + i % 12,
                    1 + i % 28), "MA");
            people.add(p);
        }
        TestActors.run(MILANO, () -> people.forEach(p -> enrolments.enrol(p, term, LocalDate.now().minusDays(20))));
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (LocalDate day : days) {
            for (int i = 0; i < people.size(); i++) {
                lines.add(term + ";" + day.format(ImportFixtures.ITALIAN) + ";;" + people.get(i) + ";;;;;;"
                        + (i % 5 == 0 ? "no" : "sì") + ";");
            }
        }
        byte[] file = csv(StandardCharsets.UTF_8, lines.toArray(String[]::new));

        long t0 = System.nanoTime();
        ImportJob validated = run(ImportMode.VALIDATE, file);
        long t1 = System.nanoTime();
        ImportJob committed = run(ImportMode.COMMIT, file);
        long t2 = System.nanoTime();
        ImportJob again = run(ImportMode.COMMIT, file);
        long t3 = System.nanoTime();

        assertThat(List.of(validated.rowsAccepted(), committed.rowsAccepted(), again.rowsPresent()))
                .containsExactly(1000, 1000, 1000);
        assertThat(attendance()).isEqualTo(1000);
        assertThat(status(people.get(1))).isEqualTo(EnrolmentStatus.COMPLETED);
        System.out.printf("attendance import, 1000 rows (50 people x 20 sessions): validate %d ms, commit %d ms,"
                + " second upload %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    // --- helpers ---

    private UUID person(String surname, String given, Sex sex, LocalDate birth, String country) {
        return ParticipantFixtures.register(registry, jdbc, MILANO, new ParticipantData(surname, given, sex, birth,
                country, country, null, ParticipantFixtures.MILANO, LocalDate.now().minusDays(60), null, null,
                List.of(), null, null)).participantId();
    }

    private static SessionData session(int daysAgo, String start, String end) {
        return new SessionData(LocalDate.now().minusDays(daysAgo), LocalTime.parse(start), LocalTime.parse(end),
                null, null, null);
    }

    private long attendance() {
        return jdbc.sql("select count(*) from participant_attendance").query(Long.class).single();
    }

    /** The participant's marks in the course, by session time: "present hours". */
    private List<String> marks(UUID participant) {
        return jdbc.sql("""
                select a.present, a.hours from participant_attendance a
                join participant_enrolment e on e.id = a.enrolment_id
                join activity_session s on s.id = a.session_id
                where e.participant_id = :p order by s.session_date, s.start_time""").param("p", participant)
                .query((rs, n) -> rs.getBoolean(1) + " " + rs.getBigDecimal(2).setScale(2)).list();
    }

    private EnrolmentStatus status(UUID participant) {
        return EnrolmentStatus.valueOf(jdbc.sql("select status from participant_enrolment where participant_id = :p")
                .param("p", participant).query(String.class).single());
    }

    private ImportJob run(ImportMode mode, byte[] file) {
        long id = TestActors.call(MILANO, () -> imports.start(ImportKind.ATTENDANCE, mode, "registro.csv", file,
                null, null)).id();
        return ImportFixtures.await(imports, MILANO, id);
    }

    private List<ImportNote> notes(ImportJob job) {
        return TestActors.call(MILANO, () -> imports.notes(job.id()));
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            values.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
        }
        return values;
    }

    @SuppressWarnings("unused")
    private static Map<String, Long> counts(JdbcClient jdbc) {
        return ImportFixtures.counts(jdbc);
    }
}
