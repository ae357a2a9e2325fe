package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator of the Milano network uploads a register saved from Italian Excel: the check lists the row with a
 * wrong sex, the fixed file checks clean, is saved with one click; a long job's page follows its progress by polling
 * until it ends; the uploads show in the network's history — each page checked by axe.
 */
class ImportJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private static final String HEADER = "Cognome;Nome;Sesso;Data di nascita;Paese di nascita;Cittadinanza;"
            + "Codice fiscale;Comune di residenza;Data primo contatto";

    @Test
    void operatorChecksAFileSeesTheErrorsFixesItAndSavesIt() throws IOException {
        desktopWidth();
        open("/?lang=it");
        logIn("demo.operatore.milano", "LabImpact-demo-2026");
        String contact = LocalDate.now().minusDays(3).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        upload(file("Okonkwo;Chidinma;Q;04/05/1993;NG;NG;;015146;" + contact));
        waitForStatus("Controllato, con errori");
        assertThat(driver.findElement(By.cssSelector(".import-report tbody")).getText())
                .contains("2").contains("Sesso").contains("Sesso non riconosciuto: \"Q\"");
        assertAccessible();

        upload(file("Okonkwo;Chidinma;F;04/05/1993;NG;NG;;015146;" + contact));
        waitForStatus("Controllato, nessun errore");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='Salva il file']")));
        waitForStatus("Salvato");
        assertThat(driver.findElement(By.cssSelector("#import-result [role=status]")).getText())
                .contains("1 accettate");
        assertAccessible();

        // a job still running: the page polls and swaps the result in when it ends, without a reload
        long running = jdbc.sql("""
                insert into imports_job (network_code, username, kind, mode, file_name, file_sha256, file_bytes,
                    status, rows_total, rows_done)
                values ('milano', 'demo.operatore.milano', 'PARTICIPANTS', 'VALIDATE', 'lungo.xlsx', repeat('a', 64),
                    10, 'RUNNING', 400, 100) returning id""").query(Long.class).single();
        open("/imports/" + running);
        waitForStatus("In corso");
        assertThat(driver.findElement(By.id("import-progress")).getDomProperty("value")).isEqualTo("25");
        assertAccessible();
        jdbc.sql("update imports_job set status = 'VALIDATED', rows_done = 400, rows_accepted = 400, finished_at = now()"
                + " where id = :id").param("id", running).update();
        waitForStatus("Controllato, nessun errore");
        assertThat(driver.findElement(By.cssSelector("#import-result [role=status]")).getText())
                .contains("400 accettate");

        open("/imports");
        WebElement history = waitFor(By.cssSelector("table tbody"));
        assertThat(history.getText()).contains("Salvato").contains("Controllato, con errori").contains("registro.csv");
        assertAccessible();
    }

    @Test
    void operatorUploadsAClassRegisterChoosingTheKindOfFile() throws IOException {
        desktopWidth();
        // a session today of a running Milano activity with a participant enrolled in it
        var enrolment = jdbc.sql("""
                select e.activity_id, e.participant_id from participant_enrolment e
                join activity_activity a on a.id = e.activity_id
                where a.network_code = 'milano' and e.status <> 'WITHDRAWN'
                  and a.start_date <= current_date and a.end_date >= current_date
                order by e.id limit 1""").query().singleRow();
        long activity = ((Number) enrolment.get("activity_id")).longValue();
        jdbc.sql("insert into activity_session (activity_id, session_date, start_time, end_time, hours)"
                + " values (:a, current_date, '06:00', '08:00', 2)").param("a", activity).update();
        Path register = Files.createTempDirectory("import-journey").resolve("presenze.csv");
        Files.writeString(register, "ID attività;Data incontro;Ora inizio;Codice partecipante;Presente\r\n" + activity
                + ";" + LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ";06:00;"
                + enrolment.get("participant_id") + ";sì\r\n", StandardCharsets.UTF_8);
        register.toFile().deleteOnExit();
        open("/?lang=it");
        logIn("demo.operatore.milano", "LabImpact-demo-2026");

        open("/imports");
        waitForHeading("Caricamento da foglio di calcolo");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("ATTENDANCE");
        driver.findElement(By.id("file")).sendKeys(register.toAbsolutePath().toString());
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='Controlla il file']")));
        waitForStatus("Controllato, nessun errore");
        assertThat(driver.findElement(By.tagName("dl")).getText()).contains("Presenze (registro)");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='Salva il file']")));
        waitForStatus("Salvato");
        assertThat(driver.findElement(By.cssSelector("#import-result [role=status]")).getText())
                .contains("1 accettate");
        assertThat(jdbc.sql("""
                select count(*) from participant_attendance t join activity_session s on s.id = t.session_id
                where s.activity_id = :a and s.session_date = current_date and t.present""").param("a", activity)
                .query(Long.class).single()).isEqualTo(1);
    }

    private void upload(Path file) {
        open("/imports");
        waitForHeading("Caricamento da foglio di calcolo");
        assertAccessible();
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("label[for=consent]")).click();
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='Controlla il file']")));
    }

    /** Waits until the polled result reads the status (htmx swaps it in when the job ends). */
    private void waitForStatus(String status) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(
                By.cssSelector("#import-result [role=status] strong"), status));
    }

    private static Path file(String row) throws IOException {
        Path dir = Files.createTempDirectory("import-journey");
        Path file = dir.resolve("registro.csv");
        Files.writeString(file, HEADER + "\r\n" + row + "\r\n", StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }
}
