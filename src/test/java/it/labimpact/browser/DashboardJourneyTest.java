package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The regional coordinator opens the project dashboard, changes the period, opens the records behind a number;
 * the dashboard also works on a phone without horizontal scrolling.
 */
class DashboardJourneyTest extends BrowserTest {

    @Test
    void coordinatorChangesThePeriodAndOpensTheRecordsBehindANumber() {
        desktopWidth();
        logIn("demo.coordinatore", "LabImpact-demo-2026");
        open("/?lang=it");
        driver.findElement(By.cssSelector("#main-nav a[href='/dashboard']")).click();
        waitForHeading("Cruscotto di progetto");
        waitForCanvas("chart-trend");
        waitForCanvas("dashboard-map");
        assertThat(new Select(driver.findElement(By.id("period"))).getFirstSelectedOption().getAttribute("value"))
                .as("project to date by default").isEqualTo("PTD");
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("the coordinator's full menu fits the width: no sideways scrolling").isTrue();
        assertAccessible();

        new Select(driver.findElement(By.id("period"))).selectByValue("2026");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector(".dashboard-filters button[type=submit]")));
        waitForHeading("Cruscotto di progetto");
        assertThat(driver.getCurrentUrl()).contains("period=2026");
        assertThat(driver.findElement(By.cssSelector(".callout-note")).getText()).contains("Valori del periodo 2026");
        waitForCanvas("dashboard-map");

        var activities = driver.findElement(By.cssSelector("tr[data-indicator='P0-ACTIVITIES'] td a"));
        String shown = activities.getText();
        clickAndWaitForNextPage(activities);
        waitForHeading("Record dietro al numero");
        assertThat(driver.findElement(By.id("records-count")).getText()).isEqualTo(shown + " record.");
        assertThat(driver.findElements(By.cssSelector("#records-table tbody tr a[href^='/activities/']")))
                .isNotEmpty();
        assertAccessible();
    }

    @Test
    void theDashboardFitsAPhone() {
        logIn("demo.coordinatore", "LabImpact-demo-2026");
        phoneWidth();
        try {
            open("/dashboard?lang=it");
            waitForCanvas("dashboard-map");
            Long scrollWidth = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth;");
            Object wide = ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361)"
                    + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');");
            assertThat(scrollWidth).as("no horizontal scrolling at 360 px: " + wide).isLessThanOrEqualTo(360);
        } finally {
            desktopWidth();
        }
    }

    private void waitForCanvas(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                !d.findElements(By.cssSelector("#" + id + " canvas")).isEmpty());
    }
}
