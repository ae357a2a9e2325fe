package it.labimpact.imports;

import static it.labimpact.imports.ImportFixtures.counts;
import static it.labimpact.imports.ImportFixtures.csv;
import static it.labimpact.imports.ImportFixtures.iso;
import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.LabImpactApplication;
import it.labimpact.TestActors;
import it.labimpact.activity.ActivityManagement;
import it.labimpact.identity.UserData;
import it.labimpact.identity.UserManagement;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command-line import run in-process against the embedded database: the same facade, rules, job and audit as an
 * upload, the summary printed, and the exit code; and the application started in that mode without a web server.
 */
@SpringBootTest(properties = "labimpact.imports.max-rows=8")
class ImportCommandTest {

    static final String HEADER = ImportsTest.EN_HEADER;
    static final String OPERATOR = "cli.operator.milano";

    @Autowired
    ImportCommand command;

    @Autowired
    UserManagement users;

    @Autowired
    ActivityManagement management;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    long course;
    int notice;
    long organisation;
    ByteArrayOutputStream printed;

    @BeforeEach
    void data() {
        clean();
        course = ImportFixtures.course(management, jdbc, "milano");
        notice = ParticipantFixtures.currentNotice(jdbc);
        organisation = ParticipantFixtures.leadOrganisation(jdbc, "milano");
        if (users.account(OPERATOR).isEmpty()) {
            TestActors.run(TestActors.admin(), () -> users.create(new UserData(OPERATOR, "CLI operator", null,
                    Role.OPERATOR, ScopeType.NETWORK, "milano", null, null), "Quite-long-passphrase-42"));
            TestActors.run(TestActors.admin(), () -> users.create(new UserData("cli.evaluator", "CLI evaluator",
                    null, Role.EVALUATOR, ScopeType.PROJECT, null, null, null), "Quite-long-passphrase-42"));
        }
        printed = new ByteArrayOutputStream();
        command.printTo(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
        jdbc.sql("delete from imports_job").update();
        jdbc.sql("delete from activity_activity where not demo").update();
    }

    @Test
    void validatesThenCommitsAFileAsTheAccountAndExitsWithZero() throws IOException {
        Path file = file("people.csv", HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + "," + course + "," + iso(5),
                "Mohamed,Karim,M,1988-07-01,EG,EG,,Milano," + iso(10) + ",,");
        Map<String, Long> before = counts(jdbc);
        long audit = ParticipantFixtures.lastAuditId(jdbc);

        int validated = run("--mode=validate", "--file=" + file);

        assertThat(validated).isEqualTo(ImportCommand.OK);
        assertThat(output()).contains("VALIDATED: 2 rows, 2 accepted, 0 already present, 0 refused");
        assertThat(counts(jdbc)).isEqualTo(before);

        int committed = run("--mode=COMMIT", "--file=" + file);

        assertThat(committed).isEqualTo(ImportCommand.OK);
        assertThat(output()).contains("COMMITTED: 2 rows, 2 accepted, 0 already present, 0 refused");
        assertThat(counts(jdbc).get("participant")).isEqualTo(before.get("participant") + 2);
        assertThat(counts(jdbc).get("enrolment")).isEqualTo(before.get("enrolment") + 1);
        List<Map<String, Object>> entries = ParticipantFixtures.auditSince(jdbc, audit);
        assertThat(entries).filteredOn(e -> e.get("action").toString().startsWith("imports."))
                .extracting(e -> e.get("actor")).containsOnly(OPERATOR).hasSize(4);
        assertThat(entries).filteredOn(e -> e.get("action").equals("participant.register"))
                .extracting(e -> e.get("actor")).containsOnly(OPERATOR);
        assertThat(jdbc.sql("select username from imports_job").query(String.class).list())
                .containsOnly(OPERATOR).hasSize(2);

        int again = run("--mode=commit", "--file=" + file);

        assertThat(again).isEqualTo(ImportCommand.OK);
        assertThat(output()).contains("COMMITTED: 2 rows, 0 accepted, 2 already present, 0 refused");
    }

    @Test
    void refusedRowsArePrintedWrittenToTheReportAndExitWithOne() throws IOException {
        Path file = file("people.csv", HEADER,
                "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + "," + course + "," + iso(5),
                "Mohamed,Karim,M,31/02/1988,EG,EG,,Milano," + iso(10) + ",,");
        Path report = dir.resolve("out.xlsx");
        Map<String, Long> before = counts(jdbc);

        int code = run("--mode=commit", "--file=" + file, "--report=" + report, "--lang=en");

        assertThat(code).isEqualTo(ImportCommand.REFUSED);
        assertThat(output()).contains("REJECTED: 2 rows, 1 accepted, 0 already present, 1 refused")
                .contains("line 3, Data di nascita: ");
        assertThat(counts(jdbc)).isEqualTo(before);
        try (var workbook = WorkbookFactory.create(report.toFile())) {
            assertThat(workbook.getNumberOfSheets()).isPositive();
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedAsAWholeWithOne() throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 9; i++) {
            lines.add("Rossi" + i + ",Anna,F,1990-03-12,SN,SN,,Milano," + iso(10) + ",,");
        }
        int code = run("--mode=validate", "--file=" + file("many.csv", lines.toArray(String[]::new)));

        assertThat(code).isEqualTo(ImportCommand.REFUSED);
        assertThat(output()).contains("INVALID: ");
    }

    @Test
    void aWrongCommandExitsWithTwoAndStartsNoJob() throws IOException {
        Path file = file("people.csv", HEADER, "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,");

        assertThat(run("--mode=sometimes", "--file=" + file)).isEqualTo(ImportCommand.USAGE);
        assertThat(output()).contains("--mode: not valid: sometimes").contains("usage:");
        assertThat(command.execute(args("--import", "--network=milano", "--mode=commit", "--file=" + file,
                "--user=nobody", "--organisation=" + organisation, "--consent-notice=" + notice)))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(output()).contains("no enabled account 'nobody'");
        assertThat(command.execute(args("--import", "--network=milano", "--mode=commit", "--file=" + file,
                "--user=cli.evaluator", "--organisation=" + organisation, "--consent-notice=" + notice)))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(output()).contains("may not upload");
        assertThat(command.execute(args("--import", "--network=cremasca", "--mode=commit", "--file=" + file,
                "--user=" + OPERATOR, "--organisation=" + organisation, "--consent-notice=" + notice)))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(output()).contains("uploads for network 'milano', not 'cremasca'");
        assertThat(command.execute(args("--import", "--network=milano", "--mode=commit", "--file=" + file,
                "--user=" + OPERATOR, "--organisation=" + organisation, "--consent-notice=" + (notice + 7))))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(output()).contains("consentNoticeVersion: ");
        assertThat(command.execute(args("--import", "--network=milano", "--mode=commit", "--file=" + dir.resolve("x"),
                "--user=" + OPERATOR))).isEqualTo(ImportCommand.USAGE);
        assertThat(output()).contains("--file: no such file");
        assertThat(jdbc.sql("select count(*) from imports_job").query(Long.class).single()).isZero();
    }

    @Test
    void theApplicationStartsWithoutAWebServerAndReturnsTheExitCode() throws IOException {
        Path file = file("people.csv", HEADER, "Ndiaye,Awa,F,1990-03-12,SN,SN,,015146," + iso(10) + ",,");

        // a context of its own (a fresh embedded database without the account): refused before any job
        int code = ImportCommand.main(LabImpactApplication.class, "--import", "--network=milano", "--mode=validate",
                "--file=" + file, "--user=" + OPERATOR, "--organisation=1", "--consent-notice=1",
                "--server.port=1", "--logging.level.root=WARN");

        assertThat(code).isEqualTo(ImportCommand.USAGE);
        assertThat(ImportCommand.requested("--import", "--mode=commit")).isTrue();
        assertThat(ImportCommand.requested("--server.port=8080")).isFalse();
    }

    private int run(String... more) {
        List<String> all = new ArrayList<>(List.of("--import", "--network=milano", "--user=" + OPERATOR,
                "--organisation=" + organisation, "--consent-notice=" + notice));
        all.addAll(List.of(more));
        return command.execute(args(all.toArray(String[]::new)));
    }

    private static DefaultApplicationArguments args(String... args) {
        return new DefaultApplicationArguments(args);
    }

    private String output() {
        String text = printed.toString(StandardCharsets.UTF_8);
        printed.reset();
        return text;
    }

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, csv(StandardCharsets.UTF_8, lines));
        return file;
    }
}
