package it.labimpact.browser;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's and an administrator's Monday: an organisation form with mistakes, a territorial upload
 * from Italian Excel with a wrong row, the audit trail, user accounts and API tokens — each page checked by axe.
 */
class AdministrationJourneyTest extends BrowserTest {

    @Test
    void coordinatorFixesFormErrorsUploadsTerritoryDataAndReadsTheAuditTrail() throws Exception {
        desktopWidth();
        open("/?lang=it");
        logIn("demo.coordinatore", "LabImpact-demo-2026");

        open("/organisations/new");
        assertAccessible();
        driver.findElement(By.id("name")).sendKeys("Cooperativa Sociale Esempio");
        driver.findElement(By.id("taxCode")).sendKeys("123");
        driver.findElement(By.id("seatIstat")).sendKeys("015146");
        new Select(driver.findElement(By.id("kind"))).selectByValue("THIRD_SECTOR");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(waitFor(By.id("taxCode-error")).getText()).contains("11 cifre");
        assertThat(driver.findElement(By.id("taxCode")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Cooperativa Sociale Esempio");
        assertAccessible();
        driver.findElement(By.id("taxCode")).clear();
        driver.findElement(By.id("taxCode")).sendKeys("01234567890");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        waitForHeading("Cooperativa Sociale Esempio");
        assertThat(driver.getPageSource()).contains("Milano (MI)");

        Path csv = Files.createTempFile("ambiti", ".csv");
        Files.write(csv, "codice_istat;codice_ambito;nome_ambito\n15146;MI01;Milano Città\n999999;MI02;Sconosciuto\n"
                .getBytes(Charset.forName("windows-1252")));
        open("/admin/territory");
        assertAccessible();
        driver.findElement(By.id("ambiti-file")).sendKeys(csv.toString());
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action$='/ambiti'] button[type=submit]")));
        String report = waitFor(By.id("import-report-title")).findElement(By.xpath("..")).getText();
        assertThat(report).contains("nessun dato è stato modificato").contains("999999");
        assertAccessible();

        Path huge = Files.createTempFile("huge", ".csv");
        Files.write(huge, ("codice_istat;residenti_paesi_terzi;anno\n" + "015146;1000;2024\n".repeat(700_000))
                .getBytes(Charset.forName("windows-1252")));
        open("/admin/territory");
        driver.findElement(By.id("tcn-file")).sendKeys(huge.toString());
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action$='/tcn'] button[type=submit]")));
        waitForHeading("File troppo grande");
        assertThat(driver.getPageSource()).contains("10 MB");
        assertAccessible();

        open("/admin/audit?action=partnership.organisation");
        assertThat(driver.findElement(By.cssSelector("main table tbody")).getText())
                .contains("demo.coordinatore").contains("partnership.organisation.create");
        assertAccessible();
    }

    @Test
    void administratorManagesAccountsAndCreatesAnApiToken() {
        desktopWidth();
        open("/?lang=it");
        logIn("demo.admin", "LabImpact-demo-2026");

        open("/admin/users");
        assertThat(driver.findElement(By.cssSelector("main table")).getText()).contains("demo.operatore.cremasca");
        assertAccessible();

        open("/admin/users/new");
        driver.findElement(By.id("username")).sendKeys("mario.rossi");
        driver.findElement(By.id("displayName")).sendKeys("Mario Rossi");
        new Select(driver.findElement(By.id("role"))).selectByValue("OPERATOR");
        new Select(driver.findElement(By.id("scope"))).selectByValue("NETWORK");
        new Select(driver.findElement(By.id("networkCode"))).selectByValue("siziano");
        driver.findElement(By.id("password")).sendKeys("corta");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(waitFor(By.id("password-error")).getText()).contains("almeno 12 caratteri");
        assertAccessible();
        driver.findElement(By.id("password")).sendKeys("una-password-lunga-2026");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Utente salvato");

        open("/account/tokens");
        driver.findElement(By.id("name")).sendKeys("Script di monitoraggio");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(waitFor(By.id("new-token")).getText()).startsWith("lip_");
        assertAccessible();
    }
}
