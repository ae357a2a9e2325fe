package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.csv;
import static it.labimpact.imports.ImportFixtures.day;
import static it.labimpact.imports.ImportFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.participant.Enrolments;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.Sex;
import it.labimpact.shared.Actor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
 * Assessments and outcomes of registered people from spreadsheets: people named by code (whole, or its first 8
 * characters with an activity) or by identity, coded fields as codes or their labels, every bad row with its exact
 * report, nothing written after a refused commit, the same file twice, a locked quarter, a real workbook, templates.
 */
@SpringBootTest
class FollowUpImportTest {

    static final Actor MILANO = ImportFixtures.milano();
    static final String PERSON = "Codice partecipante;Cognome;Nome;Sesso;Data di nascita;Paese di nascita";
    static final String ASSESSMENTS = PERSON
            + ";Ambito;Fase;Data valutazione;Livello;Area DigComp;Strumento;Ente certificatore;ID attività";
    static final String OUTCOMES = PERSON + ";Risultato;Data risultato;Fase;Condizione occupazionale;ID attività";
    static final String KARIM = ";Mohamed;Karim;M;01/07/1988;EG";

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

    @BeforeEach
    void data() {
        clean();
        course = ImportFixtures.course(management, jdbc, "milano");
        cremascaCourse = ImportFixtures.course(management, jdbc, "cremasca");
        awa = person("Ndiaye", "Awa", Sex.F, LocalDate.of(1990, 3, 12), "SN");
        karim = person("Mohamed", "Karim", Sex.M, LocalDate.of(1988, 7, 1), "EG");
        TestActors.run(MILANO, () -> enrolments.enrol(awa, course, LocalDate.now().minusDays(15)));
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from indicator_submission").update();
        jdbc.sql("delete from participant_outcome").update();
        jdbc.sql("delete from participant_assessment").update();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from imports_job").update();
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    // --- assessments ---

    @Test
    void assessmentsAreValidatedCommittedAndNotDuplicatedByASecondUpload() {
        byte[] file = csv(Charset.forName("windows-1252"), ASSESSMENTS,
                awa + ";;;;;;Italiano L2;Ingresso;" + day(10) + ";pre-A1;;PLACEMENT_TEST;;",
                KARIM + ";DIGCOMP;uscita;" + day(5) + ";3;Safety;Autovalutazione;;",
                awa.toString().substring(0, 8) + ";;;;;;ITALIAN_L2;EXIT;" + day(2) + ";A2;;Certificazione;CILS;"
                        + course);

        ImportJob validated = run(ImportKind.ASSESSMENTS, ImportMode.VALIDATE, file);

        assertThat(notes(validated)).isEmpty();
        assertThat(validated.status()).isEqualTo(ImportStatus.VALIDATED);
        assertThat(count("participant_assessment")).isZero();

        ImportJob committed = run(ImportKind.ASSESSMENTS, ImportMode.COMMIT, file);

        assertThat(committed.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(jdbc.sql("""
                select kind || ' ' || phase || ' ' || coalesce(language_level, digcomp_level::text) || ' '
                    || coalesce(digcomp_area, '-') || ' ' || instrument || ' ' || coalesce(certification_body, '-')
                from participant_assessment order by assessed_on""").query(String.class).list())
                .containsExactly("ITALIAN_L2 ENTRY PRE_A1 - PLACEMENT_TEST -", "DIGCOMP EXIT 3 SAFETY SELF_ASSESSMENT -",
                        "ITALIAN_L2 EXIT A2 - CERTIFICATION CILS");

        ImportJob again = run(ImportKind.ASSESSMENTS, ImportMode.COMMIT, file);

        assertThat(List.of(again.rowsAccepted(), again.rowsRejected(), again.rowsPresent())).containsExactly(0, 0, 3);
        assertThat(notes(again)).extracting(ImportNote::messageKey).containsOnly("imports.assessment.present");
        assertThat(count("participant_assessment")).isEqualTo(3);
    }

    @Test
    void badAssessmentRowsAreReportedExactlyAndNothingIsWritten() {
        byte[] file = csv(StandardCharsets.UTF_8, ASSESSMENTS,
                awa + ";;;;;;ITALIAN_L2;ENTRY;" + day(10) + ";A1;;PLACEMENT_TEST;;",
                awa + ";;;;;;ITALIAN_L2;ENTRY;" + day(10) + ";A1;;PLACEMENT_TEST;;999999",
                awa + ";;;;;;ITALIAN_L2;ENTRY;" + day(10) + ";A1;;PLACEMENT_TEST;;" + cremascaCourse,
                ";Rossi;Maria;F;01/01/1990;IT;ITALIAN_L2;ENTRY;" + day(10) + ";A1;;PLACEMENT_TEST;;",
                awa + ";;;;;;Matematica;ENTRY;" + day(10) + ";A1;;PLACEMENT_TEST;;",
                awa + ";;;;;;ITALIAN_L2;ENTRY;" + day(10) + ";Z9;;PLACEMENT_TEST;;",
                awa + ";;;;;;ITALIAN_L2;ENTRY;31/02/2026;A1;;PLACEMENT_TEST;;",
                awa + ";;;;;;ITALIAN_L2;ENTRY;" + day(-3) + ";A1;;PLACEMENT_TEST;;",
                awa + ";;;;;;ITALIAN_L2;EXIT;" + day(3) + ";B1;;CERTIFICATION;;",
                awa.toString().substring(0, 8) + ";;;;;;ITALIAN_L2;EXIT;" + day(3) + ";B1;;PLACEMENT_TEST;;",
                UUID.randomUUID() + ";;;;;;ITALIAN_L2;EXIT;" + day(3) + ";B1;;PLACEMENT_TEST;;");

        ImportJob job = run(ImportKind.ASSESSMENTS, ImportMode.COMMIT, file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(List.of(job.rowsAccepted(), job.rowsRejected())).containsExactly(1, 10);
        List<ImportNote> notes = notes(job);
        assertThat(notes).containsExactly(
                rejected(3, "ID attività", "imports.activity.unknown", "999999"),
                rejected(4, "ID attività", "imports.activity.otherNetwork", String.valueOf(cremascaCourse)),
                rejected(5, "Cognome", "imports.person.notFound"),
                rejected(6, "Ambito", "imports.code.invalid", "Matematica", "ITALIAN_L2, DIGCOMP"),
                rejected(7, "Livello", "assessment.level.notOnScale"),
                rejected(8, "Data valutazione", "imports.date.invalid", "31/02/2026"),
                rejected(9, "Data valutazione", "assessment.date.future"),
                rejected(10, "Ente certificatore", "assessment.certificationBody.required"),
                rejected(11, "Codice partecipante", "imports.person.codeWhole", awa.toString().substring(0, 8)),
                notes.get(9));
        assertThat(notes.get(9)).extracting(ImportNote::line, ImportNote::column, ImportNote::messageKey)
                .containsExactly(12, "Codice partecipante", "imports.person.codeUnknown");
        assertThat(count("participant_assessment")).isZero();
    }

    @Test
    void readsAnAssessmentsWorkbookInEnglishWithDateCells() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Sheet1");
            String[] head = {"Participant code", "Assessment kind", "Phase", "Assessment date", "Level",
                "Instrument"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(karim.toString());
            r.createCell(1).setCellValue("Digital skills (DigComp 2.2)");
            r.createCell(2).setCellValue("Entry");
            Cell d = r.createCell(3);
            d.setCellValue(LocalDate.now().minusDays(4));
            d.setCellStyle(date);
            r.createCell(4).setCellValue(2);
            r.createCell(5).setCellValue("OTHER");
            wb.write(out);
            file = out.toByteArray();
        }

        ImportJob job = run(ImportKind.ASSESSMENTS, ImportMode.COMMIT, file);

        assertThat(notes(job)).isEmpty();
        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(jdbc.sql("select digcomp_level from participant_assessment").query(Integer.class).single())
                .isEqualTo(2);
    }

    // --- outcomes ---

    @Test
    void outcomesAreCommittedOnceWithCodesOrLabelsAndTheSameRowTwiceIsPresent() {
        byte[] file = csv(StandardCharsets.UTF_8, OUTCOMES,
                awa + ";;;;;;EMPLOYMENT_STATUS;" + day(10) + ";ENTRY;UNEMPLOYED_SEEKING;",
                KARIM + ";Orientamento professionale personalizzato ricevuto;" + day(5) + ";;;",
                KARIM + ";PROFESSIONAL_GUIDANCE;" + LocalDate.now().minusDays(5) + ";;;");

        ImportJob committed = run(ImportKind.OUTCOMES, ImportMode.COMMIT, file);

        assertThat(committed.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(notes(committed)).containsExactly(
                new ImportNote(4, ImportNote.Outcome.PRESENT, null, "imports.row.sameAs", List.of("3")));
        assertThat(jdbc.sql("""
                select type || ' ' || coalesce(phase, '-') || ' ' || coalesce(employment_status, '-')
                from participant_outcome order by type""").query(String.class).list())
                .containsExactly("EMPLOYMENT_STATUS ENTRY UNEMPLOYED_SEEKING", "PROFESSIONAL_GUIDANCE - -");

        ImportJob again = run(ImportKind.OUTCOMES, ImportMode.COMMIT, file);

        assertThat(List.of(again.rowsAccepted(), again.rowsPresent())).containsExactly(0, 3);
        assertThat(count("participant_outcome")).isEqualTo(2);
    }

    @Test
    void readsAnOutcomesWorkbookNamingThePersonByIdentity() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Esiti");
            String[] head = {"Cognome", "Nome", "Sesso", "Data di nascita", "Paese di nascita", "Risultato",
                "Data risultato", "Fase", "Condizione occupazionale"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("Mohamed");
            r.createCell(1).setCellValue("Karim");
            r.createCell(2).setCellValue("M");
            Cell birth = r.createCell(3);
            birth.setCellValue(LocalDate.of(1988, 7, 1));
            birth.setCellStyle(date);
            r.createCell(4).setCellValue("Egitto");
            r.createCell(5).setCellValue("Condizione occupazionale");
            Cell on = r.createCell(6);
            on.setCellValue(LocalDate.now().minusDays(2));
            on.setCellStyle(date);
            r.createCell(7).setCellValue("Uscita");
            r.createCell(8).setCellValue("EMPLOYED");
            wb.write(out);
            file = out.toByteArray();
        }

        ImportJob job = run(ImportKind.OUTCOMES, ImportMode.COMMIT, file);

        assertThat(notes(job)).isEmpty();
        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(jdbc.sql("select participant_id || ' ' || phase || ' ' || employment_status from participant_outcome")
                .query(String.class).single()).isEqualTo(karim + " EXIT EMPLOYED");
    }

    @Test
    void badOutcomeRowsAndALockedQuarterAreReportedAndNothingIsWritten() {
        LocalDate quarterStart = LocalDate.now().withDayOfMonth(1)
                .withMonth((LocalDate.now().getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
        LocalDate locked = quarterStart.plusDays(14);
        UUID early = ParticipantFixtures.register(registry, jdbc, MILANO, new ParticipantData("Ali", "Omar", Sex.M,
                LocalDate.of(1985, 1, 20), "EG", "EG", null, ParticipantFixtures.MILANO, quarterStart, null, null,
                List.of(), null, null)).participantId();
        jdbc.sql("""
                insert into indicator_submission (network_code, period_code, status, submitted_by, submitted_at,
                                                  decided_by, decided_at)
                values ('milano', :p, 'APPROVED', 'test.lead', now(), 'test.coordinator', now())""")
                .param("p", quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1)).update();
        byte[] file = csv(StandardCharsets.UTF_8, OUTCOMES,
                awa + ";;;;;;EMPLOYMENT_STATUS;" + day(10) + ";;EMPLOYED;",
                awa + ";;;;;;PROMOTION;" + day(10) + ";;;",
                awa + ";;;;;;EMPLOYMENT_STATUS;" + day(9) + ";EXIT;EMPLOYED;" + cremascaCourse,
                early + ";;;;;;LONG_TERM_RESIDENCE;" + locked.format(ImportFixtures.ITALIAN) + ";;;",
                awa + ";;;;;;FAMILY_REUNIFICATION;" + day(8) + ";;;",
                awa + ";;;;;;EMPLOYMENT_STATUS;" + day(7) + ";ENTRY;EMPLOYED;",
                awa + ";;;;;;EMPLOYMENT_STATUS;" + day(7) + ";ENTRY;INACTIVE;");

        ImportJob job = run(ImportKind.OUTCOMES, ImportMode.COMMIT, file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(notes(job)).containsExactly(
                rejected(2, "Fase", "assessment.required"),
                rejected(3, "Risultato", "imports.code.invalid", "PROMOTION", "PROFESSIONAL_GUIDANCE, "
                        + "FAMILY_REUNIFICATION, QUALIFICATION_RECOGNITION, LONG_TERM_RESIDENCE, EMPLOYMENT_STATUS"),
                rejected(4, "ID attività", "imports.activity.otherNetwork", String.valueOf(cremascaCourse)),
                notes(job).get(3),
                rejected(8, "Data risultato", "imports.outcome.conflict", "7"));
        assertThat(notes(job).get(3)).extracting(ImportNote::line, ImportNote::column, ImportNote::messageKey)
                .containsExactly(5, "Data risultato", "period.locked");
        assertThat(List.of(job.rowsAccepted(), job.rowsRejected())).containsExactly(2, 5);
        assertThat(count("participant_outcome")).isZero();
    }

    @Test
    void theTemplatesHaveTheirColumnsAndDropDownLists() throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(
                imports.template(ImportKind.ASSESSMENTS, Locale.ITALIAN)))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Valutazioni");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Ambito");
            assertThat(sheet.getDataValidations()).hasSize(8);
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(
                imports.template(ImportKind.OUTCOMES, Locale.ENGLISH)))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Outcomes");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Outcome");
            assertThat(sheet.getDataValidations()).hasSize(5);
        }
        assertThat(new String(imports.templateCsv(ImportKind.OUTCOMES, Locale.ITALIAN), StandardCharsets.UTF_8))
                .startsWith(OUTCOMES.replace("Codice partecipante;Cognome;Nome;Sesso;Data di nascita;Paese di nascita",
                        "Codice partecipante;Cognome;Nome;Sesso;Data di nascita;Paese di nascita;Codice fiscale"));
    }

    // --- helpers ---

    private UUID person(String surname, String given, Sex sex, LocalDate birth, String country) {
        return ParticipantFixtures.register(registry, jdbc, MILANO, new ParticipantData(surname, given, sex, birth,
                country, country, null, ParticipantFixtures.MILANO, LocalDate.now().minusDays(60), null, null,
                List.of(), null, null)).participantId();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private ImportJob run(ImportKind kind, ImportMode mode, byte[] file) {
        long id = TestActors.call(MILANO, () -> imports.start(kind, mode, "file.csv", file, null, null)).id();
        return ImportFixtures.await(imports, MILANO, id);
    }

    private List<ImportNote> notes(ImportJob job) {
        return TestActors.call(MILANO, () -> imports.notes(job.id()));
    }
}
