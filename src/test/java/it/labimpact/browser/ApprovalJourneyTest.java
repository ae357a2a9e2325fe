package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Milano's lead submits a quarter, the regional coordinator first tries to send it back without a comment, then
 * approves it; the coordinator then corrects a target with a mistake first. Every page is checked with axe.
 */
class ApprovalJourneyTest extends BrowserTest {

    static final String DETAIL = "/indicators/approvals/milano/2025-Q4";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clean() {
        driver.manage().deleteAllCookies();
        jdbc.sql("delete from indicator_submission_step").update();
        jdbc.sql("delete from indicator_submission").update();
        jdbc.sql("delete from indicator_snapshot").update();
        jdbc.sql("delete from indicator_target").update();
    }

    @Test
    void aQuarterIsSubmittedThenApprovedAndATargetCorrected() {
        desktopWidth();
        logIn("demo.capofila.milano", "LabImpact-demo-2026");
        open("/indicators/approvals?lang=it");
        waitForHeading("Approvazione dei trimestri");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("a[href='" + DETAIL + "']")));
        assertAccessible();
        driver.findElement(By.id("submit-comment")).sendKeys("Dati completi");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action$='/submit'] button")));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("trasmessi");
        assertAccessible();

        driver.manage().deleteAllCookies();
        logIn("demo.coordinatore", "LabImpact-demo-2026");
        open(DETAIL + "?lang=it");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action$='/return'] button")));
        assertThat(waitFor(By.id("return-comment-error")).getText()).contains("Scrivi un commento");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action$='/approve'] button")));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("approvato");
        assertThat(driver.findElement(By.id("approval-history")).getText()).contains("Dati completi");
        assertAccessible();

        open("/indicators/targets?period=2026");
        waitFor(By.id("targets-table"));
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#targets-table a[href*='network=milano']")));
        driver.findElement(By.id("target")).sendKeys("-2");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#target-form button[type=submit]")));
        assertThat(waitFor(By.id("target-error")).getText()).contains("negativo");
        assertAccessible();
        driver.findElement(By.id("target")).clear();
        driver.findElement(By.id("target")).sendKeys("40,5");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#target-form button[type=submit]")));
        assertThat(waitFor(By.id("targets-table")).getText()).contains("40,50");
    }
}
