package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import it.labimpact.TestActors;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator of the Milano network refers a participant to the Cremasca network's lead organisation: without the
 * person's consent the form comes back with the error beside the field; with it the referral is sent. The
 * Cremasca operator finds it in the inbox without any name, reveals the contacts the consent covers, takes it in
 * charge and closes it; the Milano operator sees it closed. The Milano lead records an agreement, fixing a
 * mistake, and a file that only pretends to be a PDF is refused. Every page checked by axe.
 */
class ReferralJourneyTest extends BrowserTest {

    private static final String PASSWORD = "LabImpact-demo-2026";

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReferralGoesFromMilanoToCremascaWithConsentAndComesBackClosed() {
        ParticipantFixtures.register(registry, jdbc, TestActors.operator("milano"),
                ParticipantFixtures.person("Sarr", "Khady", LocalDate.of(1992, 4, 8), null));
        desktopWidth();
        driver.manage().deleteAllCookies();
        open("/?lang=it");
        logIn("demo.operatore.milano", PASSWORD);

        open("/referrals/new?q=Sarr");
        waitForHeading("Nuovo invio");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#found a")));
        assertThat(driver.findElement(By.id("participantId")).getDomProperty("value")).isNotBlank();

        Select to = new Select(driver.findElement(By.id("to")));
        WebElement cremasca = to.getOptions().stream()
                .filter(o -> o.getDomAttribute("value").startsWith("cremasca:")).findFirst().orElseThrow();
        to.selectByValue(cremasca.getDomAttribute("value"));
        new Select(driver.findElement(By.id("service"))).selectByValue("ITALIAN_COURSE");
        driver.findElement(By.id("note")).sendKeys("Livello A1, disponibile la sera");
        driver.findElement(By.id("consentNotice")).sendKeys("Modulo consenso invio v1");
        driver.findElement(By.cssSelector("label[for=sharing-CONTACTS]")).click();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#referral-form button[type=submit]")));

        assertThat(waitFor(By.id("consent-error")).getText()).contains("Senza il consenso espresso");
        assertThat(driver.findElement(By.id("consent")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("note")).getDomProperty("value")).isEqualTo("Livello A1, disponibile la sera");
        assertAccessible();

        driver.findElement(By.cssSelector("label[for=consent]")).click();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#referral-form button[type=submit]")));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Invio registrato");
        String referralUrl = driver.getCurrentUrl();
        assertAccessible();

        driver.manage().deleteAllCookies();
        logIn("demo.operatore.cremasca", PASSWORD);
        open("/referrals?lang=it");
        waitForHeading("Invii tra servizi");
        assertAccessible();
        String path = referralUrl.substring(referralUrl.indexOf("/referrals/"));
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#referrals-table tbody a[href='" + path + "']")));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Sarr", "Khady").contains("Corso di italiano");
        assertAccessible();

        clickAndWaitForNextPage(driver.findElement(By.linkText("Mostra i recapiti")));
        assertThat(waitFor(By.id("contacts")).getText()).contains("Sarr Khady").contains("+39 333 1234567");
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='Prendi in carico']")));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("preso in carico");
        assertAccessible();

        new Select(driver.findElement(By.id("outcome"))).selectByValue("SERVICE_PROVIDED");
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='Chiudi']")));
        assertThat(waitFor(By.id("history")).getText()).contains("Chiuso il").contains("Servizio erogato");
        assertAccessible();

        driver.manage().deleteAllCookies();
        logIn("demo.operatore.milano", PASSWORD);
        driver.get(referralUrl + "?lang=it");
        assertThat(waitFor(By.cssSelector("p.lead")).getText()).isEqualTo("Chiuso");
        assertAccessible();
    }

    @Test
    void aLeadRecordsAnAgreementAndAFakePdfIsRefused() throws IOException {
        desktopWidth();
        driver.manage().deleteAllCookies();
        logIn("demo.capofila.milano", PASSWORD);
        open("/agreements?lang=it");
        waitForHeading("Accordi tra organizzazioni");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.linkText("Nuovo accordo")));
        waitForHeading("Nuovo accordo");
        assertAccessible();

        driver.findElement(By.id("title")).sendKeys("Protocollo per i corsi serali");
        driver.findElement(By.id("signedOn")).sendKeys("01032026");
        driver.findElement(By.id("validFrom")).sendKeys("01032026");
        Select parties = new Select(driver.findElement(By.id("partyIds")));
        parties.selectByVisibleText("Comune di Milano");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#agreement-form button[type=submit]")));
        assertThat(waitFor(By.id("partyIds-error")).getText()).contains("almeno due parti");
        assertThat(driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Protocollo per i corsi serali");
        assertAccessible();

        parties = new Select(driver.findElement(By.id("partyIds")));
        parties.selectByVisibleText("Comunità Sociale Cremasca");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#agreement-form button[type=submit]")));
        waitForHeading("Protocollo per i corsi serali");
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Accordo salvato");

        Path fake = Files.createTempFile("protocollo", ".pdf");
        Files.writeString(fake, "<html><body>not a pdf</body></html>", StandardCharsets.UTF_8);
        driver.findElement(By.id("file")).sendKeys(fake.toAbsolutePath().toString());
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='Carica']")));
        assertThat(waitFor(By.cssSelector(".alert-danger")).getText()).contains("non è un PDF");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Nessun documento allegato");
        assertAccessible();
        Files.delete(fake);
    }
}
