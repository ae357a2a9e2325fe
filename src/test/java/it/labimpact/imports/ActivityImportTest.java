package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.csv;
import static it.labimpact.imports.ImportFixtures.day;
import static it.labimpact.imports.ImportFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
 * Activities with their sessions from one sheet, one row per session grouped by an activity reference: created
 * through the activity rules, the same file twice (or again with one more session) without duplicates, every bad
 * row with its exact report and nothing written after a refused commit, a real workbook, the template.
 */
@SpringBootTest
class ActivityImportTest {

    static final Actor MILANO = ImportFixtures.milano();
    static final String HEADER = "Rif. attività;Titolo;Tipo attività;Ente capofila;Comune;Sede;Data inizio;Data fine;"
            + "Ore previste;Lingue;Posti;Stato;Data incontro;Ora inizio;Ora fine;Ore incontro;Sede incontro";

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        TestActors.clear();
        jdbc.sql("delete from imports_job").update();
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void createsActivitiesAndSessionsOnceAndAddsOnlyNewSessionsOnASecondUpload() {
        String a1 = "A1;Corso di italiano A1 – sera;Corso di italiano L2;;Milano;Via Padova 36;" + day(30) + ";"
                + day(-30) + ";40;it, ar;20;;";
        List<String> rows = List.of(
                a1 + day(20) + ";18:00;20:00;;",
                "A1;;;;;;;;;;;;" + day(13) + ";18.00;20.00;;Aula 2",
                a1 + day(6) + ";18:00;;1,5;",
                "B2;Sportello digitale;DIGITAL_SKILLS;;15146;;" + day(5) + ";" + day(-60) + ";12;;;ONGOING;;;;;");
        byte[] file = csv(Charset.forName("windows-1252"), lines(rows));

        ImportJob validated = run(ImportMode.VALIDATE, file);

        assertThat(notes(validated)).isEmpty();
        assertThat(validated.status()).isEqualTo(ImportStatus.VALIDATED);
        assertThat(activities()).isEmpty();

        ImportJob committed = run(ImportMode.COMMIT, file);

        assertThat(committed.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(activities()).containsExactly(
                "Corso di italiano A1 – sera ITALIAN_L2 015146 40.00 ONGOING 3",
                "Sportello digitale DIGITAL_SKILLS 015146 12.00 ONGOING 0");
        assertThat(jdbc.sql("select hours from activity_session order by session_date").query(String.class).list())
                .containsExactly("2.00", "2.00", "1.50");

        ImportJob again = run(ImportMode.COMMIT, file);

        assertThat(List.of(again.rowsAccepted(), again.rowsRejected(), again.rowsPresent())).containsExactly(0, 0, 4);
        assertThat(notes(again)).extracting(ImportNote::messageKey).containsOnly("imports.activities.present");

        List<String> more = new java.util.ArrayList<>(rows);
        more.add("A1;;;;;;;;;;;;" + day(-1) + ";18:00;20:00;;");
        ImportJob extended = run(ImportMode.COMMIT, csv(StandardCharsets.UTF_8, lines(more)));

        assertThat(List.of(extended.rowsAccepted(), extended.rowsPresent())).containsExactly(1, 4);
        assertThat(activities()).containsExactly(
                "Corso di italiano A1 – sera ITALIAN_L2 015146 40.00 ONGOING 4",
                "Sportello digitale DIGITAL_SKILLS 015146 12.00 ONGOING 0");
    }

    @Test
    void reportsEveryBadRowWithItsColumnAndReasonAndCreatesNothing() {
        String ok = "A;Corso base;ITALIAN_L2;;015146;;" + day(30) + ";" + day(-30) + ";40;;;;";
        byte[] file = csv(StandardCharsets.UTF_8, lines(List.of(
                ok + day(20) + ";09:00;11:00;;",
                "A;Corso diverso;;;;;;;;;;;" + day(19) + ";09:00;11:00;;",
                "A;;;;;;;;;;;;" + day(40) + ";09:00;11:00;;",
                "A;;;;;;;;;;;;" + day(18) + ";11:00;09:00;;",
                "A;;;;;;;;;;;;;09:00;11:00;;",
                "A;;;;;;;;;;;;31/02/2026;09:00;11:00;;",
                "B;Cucina;Cucina;;015146;;" + day(30) + ";" + day(-30) + ";40;;;;;;;;",
                "B;;;;;;;;;;;;" + day(20) + ";09:00;11:00;;",
                "C;Corso rovesciato;ITALIAN_L2;;015146;;" + day(-30) + ";" + day(30) + ";40;;;;;;;;",
                "D;AB;ITALIAN_L2;;015146;;" + day(30) + ";" + day(-30) + ";40;;;;;;;;",
                "E;Corso altrove;ITALIAN_L2;;Atlantide;;" + day(30) + ";" + day(-30) + ";40;;;;;;;;",
                "F;Corso di altri;ITALIAN_L2;Ente inesistente;015146;;" + day(30) + ";" + day(-30) + ";40;;;;;;;;",
                "G;Corso senza ore;ITALIAN_L2;;015146;;" + day(30) + ";" + day(-30) + ";0;;;;;;;;")));

        ImportJob job = run(ImportMode.COMMIT, file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(notes(job)).containsExactly(
                rejected(3, "Titolo", "imports.activities.refMismatch", "A", "2"),
                rejected(4, "Data incontro", "session.date.outside", LocalDate.now().minusDays(30).toString(),
                        LocalDate.now().plusDays(30).toString()),
                rejected(5, "Ora fine", "session.times.order"),
                rejected(6, "Data incontro", "import.required"),
                rejected(7, "Data incontro", "imports.date.invalid", "31/02/2026"),
                rejected(8, "Tipo attività", "imports.code.invalid", "Cucina", String.join(", ", types())),
                rejected(9, "Rif. attività", "imports.activities.refRefused", "B", "8"),
                rejected(10, "Data fine", "activity.dates.order"),
                rejected(11, "Titolo", "imports.value.invalid", "AB"),
                rejected(12, "Comune", "imports.comune.unknown", "Atlantide"),
                rejected(13, "Ente capofila", "imports.organisation.unknown", "Ente inesistente"),
                rejected(14, "Ore previste", "activity.hours.positive"));
        assertThat(List.of(job.rowsAccepted(), job.rowsRejected())).containsExactly(1, 12);
        assertThat(activities()).isEmpty();
    }

    @Test
    void readsAWorkbookWithDateAndTimeCellsInEnglish() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Plan");
            String[] head = {"Activity ref", "Title", "Activity type", "Municipality", "Start date", "End date",
                "Planned hours", "Session date", "Start time", "End time"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("hh:mm"));
            for (int n = 0; n < 2; n++) {
                Row r = sheet.createRow(1 + n);
                r.createCell(0).setCellValue("X");
                r.createCell(1).setCellValue("Digital skills for work");
                r.createCell(2).setCellValue("Digital-skills course");
                r.createCell(3).setCellValue(15146);
                dateCell(r, 4, LocalDate.now().minusDays(10), date);
                dateCell(r, 5, LocalDate.now().plusDays(10), date);
                r.createCell(6).setCellValue(8);
                dateCell(r, 7, LocalDate.now().minusDays(5 - n), date);
                Cell start = r.createCell(8);
                start.setCellValue(9.5 / 24);
                start.setCellStyle(time);
                Cell end = r.createCell(9);
                end.setCellValue(12.5 / 24);
                end.setCellStyle(time);
            }
            wb.write(out);
            file = out.toByteArray();
        }

        ImportJob job = run(ImportMode.COMMIT, file);

        assertThat(notes(job)).isEmpty();
        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(activities()).containsExactly("Digital skills for work DIGITAL_SKILLS 015146 8.00 ONGOING 2");
        assertThat(jdbc.sql("select start_time || '-' || end_time || ' ' || hours from activity_session")
                .query(String.class).list()).containsOnly("09:30:00-12:30:00 3.00");
    }

    @Test
    void theTemplateListsTheTypesAndStatuses() throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(
                imports.template(ImportKind.ACTIVITIES, Locale.ITALIAN)))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Attività");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Rif. attività");
            assertThat(sheet.getRow(0).getCell(12).getStringCellValue()).isEqualTo("Data incontro");
            assertThat(sheet.getDataValidations()).hasSize(2);
        }
        assertThat(new String(imports.templateCsv(ImportKind.ACTIVITIES, Locale.ITALIAN), StandardCharsets.UTF_8))
                .startsWith(HEADER + "\r\nA1;");
    }

    // --- helpers ---

    private static String[] lines(List<String> rows) {
        String[] lines = new String[rows.size() + 1];
        lines[0] = HEADER;
        for (int i = 0; i < rows.size(); i++) {
            lines[i + 1] = rows.get(i);
        }
        return lines;
    }

    private List<String> types() {
        return jdbc.sql("select code from activity_type where active order by action, label_it").query(String.class)
                .list();
    }

    /** The network's non-demo activities: title, type, comune, hours, status, sessions. */
    private List<String> activities() {
        return jdbc.sql("""
                select a.title || ' ' || a.type_code || ' ' || a.comune_istat || ' ' || a.planned_hours || ' '
                    || a.status || ' ' || (select count(*) from activity_session s where s.activity_id = a.id)
                from activity_activity a where not a.demo order by a.title""").query(String.class).list();
    }

    private ImportJob run(ImportMode mode, byte[] file) {
        long id = TestActors.call(MILANO, () -> imports.start(ImportKind.ACTIVITIES, mode, "piano.csv", file, null,
                null)).id();
        return ImportFixtures.await(imports, MILANO, id);
    }

    private List<ImportNote> notes(ImportJob job) {
        return TestActors.call(MILANO, () -> imports.notes(job.id()));
    }

    private static void dateCell(Row row, int column, LocalDate day, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(day);
        cell.setCellStyle(style);
    }
}
