package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.counts;
import static it.labimpact.imports.ImportFixtures.csv;
import static it.labimpact.imports.ImportFixtures.day;
import static it.labimpact.imports.ImportFixtures.iso;
import static it.labimpact.imports.ImportFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantQuery;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.PersonalData;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.RecordNotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Uploads of participants and enrolments as people really produce them (encodings, separators, Italian dates,
 * merged headers, duplicates, the same file twice, another network's activity, oversize files, damaged XLSX and a
 * zip bomb), each with its exact report and, after a refused commit, the owners' tables unchanged.
 */
@SpringBootTest(properties = {"labimpact.imports.max-file-bytes=100000", "labimpact.imports.max-rows=8"})
class ImportsTest {

    static final Actor MILANO = ImportFixtures.milano();
    static final String EN_HEADER = "Surname,Given names,Sex,Birth date,Country of birth,Citizenship,Tax code,"
            + "Municipality of residence,First contact date,Activity ID,Enrolment date";
    static final String IT_HEADER = "Cognome;Nome;Sesso;Data di nascita;Paese di nascita;Cittadinanza;Codice fiscale;"
            + "Comune di residenza;Data primo contatto;ID attività;Data iscrizione";

    @Autowired
    Imports imports;

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    ActivityManagement management;

    @Autowired
    JdbcClient jdbc;

    long course;
    long cremascaCourse;
    int notice;
    long organisation;

    @BeforeEach
    void data() {
        clean();
        course = ImportFixtures.course(management, jdbc, "milano");
        cremascaCourse = ImportFixtures.course(management, jdbc, "cremasca");
        notice = ParticipantFixtures.currentNotice(jdbc);
        organisation = ParticipantFixtures.leadOrganisation(jdbc, "milano");
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from imports_job").update();
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    // --- encodings, separators, dates ---

    @Test
    void validatesAUtf8FileWithBomWithoutWritingThenCommitsIt() {
        byte[] file = ImportFixtures.withBom(csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + "," + course + "," + iso(5),
                "Mohamed,Karim,M,1988-07-01,EG,EG,,Milano," + iso(10) + ",,"));
        Map<String, Long> before = counts(jdbc);

        ImportJob validated = run(ImportMode.VALIDATE, "people.csv", file);

        assertThat(validated.status()).isEqualTo(ImportStatus.VALIDATED);
        assertThat(List.of(validated.rowsTotal(), validated.rowsAccepted(), validated.rowsRejected(),
                validated.rowsPresent())).containsExactly(2, 2, 0, 0);
        assertThat(notes(validated)).isEmpty();
        assertThat(counts(jdbc)).isEqualTo(before);

        ImportJob committed = run(ImportMode.COMMIT, "people.csv", file);

        assertThat(committed.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(committed.rowsAccepted()).isEqualTo(2);
        assertThat(committed.sha256()).isEqualTo(validated.sha256()).hasSize(64);
        Map<String, Long> after = counts(jdbc);
        assertThat(after.get("participant")).isEqualTo(before.get("participant") + 2);
        assertThat(after.get("vault")).isEqualTo(before.get("vault") + 2);
        assertThat(after.get("enrolment")).isEqualTo(before.get("enrolment") + 1);
        assertThat(jdbc.sql("select enrolled_on from participant_enrolment").query(LocalDate.class).single())
                .isEqualTo(LocalDate.now().minusDays(5));
        assertThat(surnames()).containsExactlyInAnyOrder("Ndiaye", "Mohamed");
    }

    @Test
    void readsWindows1252SemicolonsAndItalianDatesAsItalianExcelSavesThem() {
        byte[] file = csv(Charset.forName("windows-1252"), IT_HEADER,
                "Hernández;Zoë;F;12/03/1990;Perù;Perù;;015146;" + day(10) + ";" + course + ";" + day(5));

        ImportJob job = run(ImportMode.COMMIT, "registro.csv", file);

        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(surnames()).containsExactly("Hernández");
        assertThat(personal("Hernández").givenNames()).isEqualTo("Zoë");
        assertThat(personal("Hernández").birthDate()).isEqualTo(LocalDate.of(1990, 3, 12));
        assertThat(personal("Hernández").birthCountry()).isEqualTo("PE");
    }

    @Test
    void readsUtf8WithoutBomAndDecimalCommasInTheActivityId() {
        byte[] file = csv(StandardCharsets.UTF_8, IT_HEADER,
                "Nguyễn;Thị Lan;F;1.2.1995;VN;VN;;015146;" + day(10) + ";" + course + ",0;" + day(5));

        ImportJob job = run(ImportMode.COMMIT, "registro.csv", file);

        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(personal("Nguyễn").givenNames()).isEqualTo("Thị Lan");
        assertThat(personal("Nguyễn").birthDate()).isEqualTo(LocalDate.of(1995, 2, 1));
        assertThat(counts(jdbc).get("enrolment")).isEqualTo(1);
    }

    // --- problems, row by row ---

    @Test
    void reportsEveryProblemWithRowAndColumnAndWritesNothing() {
        byte[] file = csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + "," + course + "," + iso(5),
                ",Karim,M,31/02/1988,EG,EG,,015146," + iso(10) + ",,",
                "Ali,Omar,Q,1988-07-01,Narnia,EG,,015146," + iso(10) + ",,",
                "Bianchi,Aziz,M,1988-07-01,MA,MA,,015146," + iso(10) + "," + cremascaCourse + ",",
                "Rossi,Amal,F,1992-01-01,MA,MA,,999999," + iso(10) + ",,");
        Map<String, Long> before = counts(jdbc);

        ImportJob job = run(ImportMode.COMMIT, "people.csv", file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(List.of(job.rowsTotal(), job.rowsAccepted(), job.rowsRejected(), job.rowsPresent()))
                .containsExactly(5, 1, 4, 0);
        assertThat(notes(job)).containsExactly(
                rejected(3, "Cognome", "import.required"),
                rejected(3, "Data di nascita", "imports.date.invalid", "31/02/1988"),
                rejected(4, "Sesso", "imports.sex.invalid", "Q"),
                rejected(4, "Paese di nascita", "imports.country.unknown", "Narnia"),
                rejected(5, "ID attività", "imports.activity.otherNetwork", String.valueOf(cremascaCourse)),
                rejected(6, "Comune di residenza", "participant.residence.unknown", "999999"));
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedAsAWhole() {
        byte[] file = csv(StandardCharsets.UTF_8, "Surname,Given names,Sex", "Ndiaye,Awa,F");

        ImportJob job = run(ImportMode.VALIDATE, "short.csv", file);

        assertThat(job.status()).isEqualTo(ImportStatus.INVALID);
        assertThat(job.problemKey()).isEqualTo("imports.file.columns");
        assertThat(notes(job)).extracting(ImportNote::column).containsExactly("Data di nascita", "Paese di nascita",
                "Cittadinanza", "Comune di residenza", "Data primo contatto");
        assertThat(notes(job)).allMatch(n -> n.line() == 0 && n.messageKey().equals("import.missingColumn"));
    }

    // --- duplicates and idempotency ---

    @Test
    void aPersonTwiceInTheFileIsRegisteredOnceAndTheSecondRowReportedAsPresent() {
        String row = "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + "," + course + "," + iso(5);
        byte[] file = csv(StandardCharsets.UTF_8, EN_HEADER, row, row);

        ImportJob job = run(ImportMode.COMMIT, "twice.csv", file);

        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(List.of(job.rowsAccepted(), job.rowsPresent())).containsExactly(1, 1);
        assertThat(notes(job)).containsExactly(new ImportNote(3, ImportNote.Outcome.PRESENT, null,
                "imports.row.sameAs", List.of("2")));
        assertThat(counts(jdbc)).containsEntry("participant", 1L).containsEntry("enrolment", 1L);
    }

    @Test
    void theSameFileTwiceCreatesNoDuplicates() {
        byte[] file = csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,MHMFTM90C52Z330Q,015146," + iso(10) + "," + course + "," + iso(5),
                "Mohamed,Karim,M,1988-07-01,EG,EG,,015146," + iso(10) + ",,");
        run(ImportMode.COMMIT, "people.csv", file);
        Map<String, Long> once = counts(jdbc);
        long audit = ParticipantFixtures.lastAuditId(jdbc);

        ImportJob again = run(ImportMode.COMMIT, "people.csv", file);

        assertThat(again.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(List.of(again.rowsAccepted(), again.rowsRejected(), again.rowsPresent())).containsExactly(0, 0, 2);
        assertThat(notes(again)).containsExactly(
                new ImportNote(2, ImportNote.Outcome.PRESENT, null, "imports.row.present", List.of()),
                new ImportNote(3, ImportNote.Outcome.PRESENT, null, "imports.row.present", List.of()));
        assertThat(counts(jdbc)).isEqualTo(once);
        assertThat(ParticipantFixtures.auditSince(jdbc, audit)).extracting(r -> r.get("action"))
                .containsExactly("imports.start", "imports.finish");
    }

    @Test
    void aKnownPersonIsEnrolledInANewActivityWithoutBeingRegisteredAgain() {
        run(ImportMode.COMMIT, "first.csv", csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,"));
        long second = ImportFixtures.course(management, jdbc, "milano");

        ImportJob job = run(ImportMode.COMMIT, "second.csv", csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + "," + second + "," + iso(2)));

        assertThat(List.of(job.rowsAccepted(), job.rowsPresent())).containsExactly(1, 0);
        assertThat(counts(jdbc)).containsEntry("participant", 1L).containsEntry("enrolment", 1L);
    }

    // --- XLSX ---

    @Test
    void readsAWorkbookWithTitleRowMergedHeadersDateCellsAndTrailingEmptyRows() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Foglio1");
            sheet.createRow(0).createCell(0).setCellValue("Iscrizioni di marzo");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
            String[] top = {"Cognome", "Nome", "Sesso", "Data di nascita", "Paese di nascita", "Cittadinanza",
                "Codice fiscale", "Comune di residenza", "Data primo contatto", "Iscrizione", ""};
            Row head = sheet.createRow(1);
            Row sub = sheet.createRow(2);
            for (int i = 0; i < top.length; i++) {
                head.createCell(i).setCellValue(top[i]);
                if (i < 9) {
                    sheet.addMergedRegion(new CellRangeAddress(1, 2, i, i));
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 9, 10));
            sub.createCell(9).setCellValue("ID attività");
            sub.createCell(10).setCellValue("Data iscrizione");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = sheet.createRow(3);
            r.createCell(0).setCellValue("Ndiaye");
            r.createCell(1).setCellValue("Awa");
            r.createCell(2).setCellValue("F");
            dateCell(r, 3, LocalDate.of(1990, 3, 12), date);
            r.createCell(4).setCellValue("SN");
            r.createCell(5).setCellValue("Senegal");
            r.createCell(7).setCellValue(15146); // the leading zero lost, as Excel does
            dateCell(r, 8, LocalDate.now().minusDays(10), date);
            r.createCell(9).setCellValue(course);
            dateCell(r, 10, LocalDate.now().minusDays(5), date);
            for (int i = 4; i < 8; i++) {
                sheet.createRow(i).createCell(0).setCellStyle(date); // formatted but empty
            }
            wb.write(out);
            file = out.toByteArray();
        }

        ImportJob job = run(ImportMode.COMMIT, "registro.xlsx", file);

        assertThat(notes(job)).isEmpty();
        assertThat(job.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(job.rowsTotal()).isEqualTo(1);
        assertThat(personal("Ndiaye").birthDate()).isEqualTo(LocalDate.of(1990, 3, 12));
        assertThat(jdbc.sql("select enrolled_on from participant_enrolment").query(LocalDate.class).single())
                .isEqualTo(LocalDate.now().minusDays(5));
    }

    @Test
    void aDamagedWorkbookIsRefusedCleanly() {
        byte[] file = new byte[2000];
        new java.util.Random(7).nextBytes(file);
        file[0] = 'P';
        file[1] = 'K';
        file[2] = 3;
        file[3] = 4;
        Map<String, Long> before = counts(jdbc);

        ImportJob job = run(ImportMode.COMMIT, "broken.xlsx", file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(job.problemKey()).isEqualTo("imports.file.unreadable");
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aZipBombIsRefusedWithoutExpandingIt() throws IOException {
        byte[] file = zipBomb(template());
        assertThat(file.length).isLessThan(100_000);
        Map<String, Long> before = counts(jdbc);

        ImportJob job = run(ImportMode.COMMIT, "bomb.xlsx", file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(job.problemKey()).isEqualTo("imports.file.zipBomb");
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    // --- limits ---

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() {
        byte[] file = new byte[100_001];
        java.util.Arrays.fill(file, (byte) 'a');

        Map<String, Long> before = counts(jdbc);

        ImportJob job = run(ImportMode.COMMIT, "big.csv", file);

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(job.problemKey()).isEqualTo("imports.file.tooLarge");
        assertThat(job.problemArgs()).containsExactly("0.1");
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aFileWithTooManyRowsIsRefusedBeforeAnyRowIsChecked() {
        List<String> lines = new ArrayList<>(List.of(EN_HEADER));
        for (int i = 0; i < 9; i++) {
            lines.add("Person" + i + ",Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,");
        }
        Map<String, Long> before = counts(jdbc);

        ImportJob job = run(ImportMode.COMMIT, "many.csv", csv(StandardCharsets.UTF_8, lines.toArray(String[]::new)));

        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(job.problemKey()).isEqualTo("imports.file.tooManyRows");
        assertThat(job.problemArgs()).containsExactly("9", "8");
        assertThat(job.rowsDone()).isZero();
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    // --- report, template, scope ---

    @Test
    void theReportWorkbookPutsTheProblemsBesideTheOriginalRowsForTheUploader() throws IOException {
        byte[] file = csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,",
                "Ali,Omar,Q,1988-07-01,EG,EG,,015146," + iso(10) + ",,");
        ImportJob job = run(ImportMode.VALIDATE, "people.csv", file);

        try (Workbook wb = read(TestActors.call(MILANO, () -> imports.reportWorkbook(job.id(), Locale.ITALIAN)))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).startsWith("Riga", "Esito", "Problemi", "Cognome", "Nome", "Sesso");
            assertThat(cells(sheet.getRow(1))).startsWith("2", "Accettata", "", "Ndiaye", "Awa", "F");
            assertThat(cells(sheet.getRow(2))).startsWith("3", "Rifiutata",
                    "Sesso: Sesso non riconosciuto: \"Q\" (usa F, M o X).", "Ali", "Omar", "Q");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
        // another user of the network gets the problems without anybody's data
        try (Workbook wb = read(TestActors.call(TestActors.lead("milano"),
                () -> imports.reportWorkbook(job.id(), Locale.ENGLISH)))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("Line", "Outcome", "Column", "Problem");
            assertThat(cells(sheet.getRow(1))).containsExactly("3", "Rejected", "Sesso",
                    "Sex not recognised: \"Q\" (use F, M or X).");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void aValidatedFileIsCommittedWithoutAnotherUpload() {
        ImportJob validated = run(ImportMode.VALIDATE, "people.csv", csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,"));

        ImportJob committed = await(TestActors.call(MILANO, () -> imports.commit(validated.id())).id());

        assertThat(committed.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(committed.mode()).isEqualTo(ImportMode.COMMIT);
        assertThat(counts(jdbc)).containsEntry("participant", 1L);
    }

    @Test
    void theTemplateReadsBackAsAValidFile() throws IOException {
        byte[] template = template();
        try (Workbook wb = read(template)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).startsWith("Cognome", "Nome", "Sesso", "Data di nascita");
            assertThat(sheet.getRow(0).getCell(0).getCellComment().getString().getString()).contains("obbligatoria");
            assertThat(sheet.getDataValidations()).hasSize(3);
            assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).hasSize(2);
        }
        try (Workbook wb = read(imports.template(Locale.ENGLISH))) {
            assertThat(cells(wb.getSheetAt(0).getRow(0))).startsWith("Surname", "Given names", "Sex", "Birth date");
        }

        ImportJob job = run(ImportMode.VALIDATE, "modello.xlsx", template);

        assertThat(job.status()).isEqualTo(ImportStatus.VALIDATED);
        assertThat(job.rowsAccepted()).isEqualTo(1);
    }

    @Test
    void onlyNetworkStaffUploadAndOnlyTheirNetworkSeesTheJob() {
        ImportJob job = run(ImportMode.VALIDATE, "people.csv", csv(StandardCharsets.UTF_8, EN_HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,"));

        assertThatThrownBy(() -> TestActors.call(TestActors.operator("cremasca"), () -> imports.job(job.id())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(TestActors.call(TestActors.operator("cremasca"), () -> imports.history(null))).isEmpty();
        assertThat(TestActors.call(TestActors.coordinator(), () -> imports.history(null))).extracting(ImportJob::id)
                .containsExactly(job.id());
        assertThatThrownBy(() -> TestActors.call(TestActors.coordinator(), () -> imports.start(ImportKind.PARTICIPANTS,
                ImportMode.VALIDATE, "x.csv", new byte[] {'a'}, organisation, notice)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestActors.call(TestActors.evaluator(), () -> imports.job(job.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aJobLeftRunningByAStoppedProcessIsMarkedFailedAtStartUp() {
        long id = jdbc.sql("""
                insert into imports_job (network_code, username, kind, mode, file_name, file_sha256, file_bytes, status)
                values ('milano', 'test.operator.milano', 'PARTICIPANTS', 'COMMIT', 'x.csv', repeat('a', 64), 1,
                    'RUNNING') returning id""").query(Long.class).single();

        imports.failAbandoned();

        ImportJob job = TestActors.call(MILANO, () -> imports.job(id));
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.finishedAt()).isNotNull();
    }

    // --- helpers ---

    private ImportJob run(ImportMode mode, String name, byte[] file) {
        long id = TestActors.call(MILANO, () -> imports.start(ImportKind.PARTICIPANTS, mode, name, file,
                organisation, notice)).id();
        return await(id);
    }

    private ImportJob await(long id) {
        return ImportFixtures.await(imports, MILANO, id);
    }

    private List<ImportNote> notes(ImportJob job) {
        return TestActors.call(MILANO, () -> imports.notes(job.id()));
    }

    private List<String> surnames() {
        return TestActors.call(MILANO, () -> registry.list(new ParticipantQuery(null, null), new PageRequest(0, 50))
                .items().stream().map(l -> registry.read(l.summary().id()).personal().surname()).toList());
    }

    private PersonalData personal(String surname) {
        return TestActors.call(MILANO, () -> registry.list(new ParticipantQuery(surname, null), new PageRequest(0, 5))
                .items().stream().map(l -> registry.read(l.summary().id()).personal()).findFirst().orElseThrow());
    }

    private byte[] template() {
        return imports.template(Locale.ITALIAN);
    }

    private static void dateCell(Row row, int column, LocalDate day, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(day);
        cell.setCellStyle(style);
    }

    private static Workbook read(byte[] xlsx) throws IOException {
        return WorkbookFactory.create(new ByteArrayInputStream(xlsx));
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell c = row.getCell(i);
            values.add(c == null ? "" : switch (c.getCellType()) {
                case NUMERIC -> String.valueOf((long) c.getNumericCellValue());
                default -> c.getStringCellValue();
            });
        }
        return values;
    }

    /** A real workbook whose sheet is padded with 20 MB of spaces: a few kilobytes compressed. */
    private static byte[] zipBomb(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 20; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
