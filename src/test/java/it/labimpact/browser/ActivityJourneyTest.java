package it.labimpact.browser;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator of the Milano network records a course: a mistake in the dates comes back beside the field
 * with everything typed kept, the fixed form saves, two sessions are added and both show in the month's
 * calendar — on a desktop and on a 360-px phone, each page checked by axe.
 */
class ActivityJourneyTest extends BrowserTest {

    private static final String TITLE = "Corso di italiano L2 – A2 del martedì";

    @Test
    void operatorCreatesAnActivityFixesAMistakeAddsSessionsAndSeesThemInTheCalendar() {
        desktopWidth();
        open("/?lang=it");
        logIn("demo.operatore.milano", "LabImpact-demo-2026");

        open("/activities");
        waitForHeading("Attività");
        assertAccessible();
        driver.findElement(By.linkText("Nuova attività")).click();
        waitForHeading("Nuova attività");
        assertAccessible();

        driver.findElement(By.id("title")).sendKeys(TITLE);
        new Select(driver.findElement(By.id("typeCode"))).selectByValue("ITALIAN_L2");
        new Select(driver.findElement(By.id("leadOrganisationId"))).selectByVisibleText("[DEMO] CPIA Milano");
        driver.findElement(By.xpath("//label[normalize-space()='[DEMO] Cooperativa sociale Milano']")).click();
        driver.findElement(By.id("comuneIstat")).sendKeys("015146");
        driver.findElement(By.id("venue")).sendKeys("CPIA, via Giacosa 46");
        setValue("startDate", "2027-03-01");
        setValue("endDate", "2027-02-01");
        driver.findElement(By.id("plannedHours")).sendKeys("40");
        driver.findElement(By.id("languages")).clear();
        driver.findElement(By.id("languages")).sendKeys("it, ar, bn");
        submit("#activity-form");

        assertThat(waitFor(By.id("endDate-error")).getText()).contains("non può precedere");
        assertThat(driver.findElement(By.id("endDate")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("endDate")).getDomAttribute("aria-describedby")).contains("endDate-error");
        assertThat(driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo(TITLE);
        assertThat(driver.findElement(By.id("languages")).getDomProperty("value")).isEqualTo("it, ar, bn");
        assertThat(new Select(driver.findElement(By.id("leadOrganisationId"))).getFirstSelectedOption().getText())
                .isEqualTo("[DEMO] CPIA Milano");
        assertAccessible();

        setValue("endDate", "2027-03-31");
        submit("#activity-form");
        waitForHeading(TITLE);
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Attività salvata");
        assertThat(driver.findElement(By.id("organisations")).findElement(By.xpath("following-sibling::ul"))
                .getText()).contains("[DEMO] CPIA Milano").contains("[DEMO] Cooperativa sociale Milano");

        addSession("2027-03-02", "18:00", "20:00");
        addSession("2027-03-09", "18:00", "20:30");
        List<WebElement> rows = driver.findElements(By.cssSelector("#sessions-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getText()).contains("09/03/2027").contains("2.5");
        assertAccessible();

        driver.findElement(By.linkText("Vedi nel calendario")).click();
        waitForHeading("Calendario degli incontri");
        List<WebElement> entries = driver.findElements(By.cssSelector("#calendar-grid a"));
        assertThat(entries).extracting(WebElement::getText).filteredOn(t -> t.contains(TITLE)).hasSize(2);
        assertThat(driver.findElement(By.id("calendar-month")).getText()).isEqualTo("Marzo 2027");
        assertAccessible();

        phoneWidth();
        try {
            open("/activities/calendar?month=2027-03");
            assertThat(driver.findElement(By.id("calendar-list")).getText()).contains(TITLE);
            assertNoHorizontalScroll();
            assertAccessible();
            open("/activities/new");
            assertNoHorizontalScroll();
            assertAccessible();
        } finally {
            desktopWidth();
        }
    }

    private void addSession(String date, String from, String to) {
        setValue("session-date", date);
        setValue("session-startTime", from);
        setValue("session-endTime", to);
        submit("#session-form");
        waitFor(By.cssSelector(".alert-success"));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), value);
    }

    private void submit(String form) {
        clickAndWaitForNextPage(driver.findElement(By.cssSelector(form + " button[type=submit]")));
    }

    private void assertNoHorizontalScroll() {
        Long scrollWidth = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth;");
        Object wide = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361)"
                + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');");
        assertThat(scrollWidth).as("no horizontal scrolling at 360 px: " + wide).isLessThanOrEqualTo(360);
    }
}
