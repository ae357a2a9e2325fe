package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * ANCI Lombardia records a meeting of the regional steering group: a missing link comes back beside the field, the
 * fixed form saves, the attendance of two organisations makes the meeting held, an overdue decision is added; the
 * meeting shows in the month's calendar (grid on a desktop, list on a 360-px phone) and the decision on the open
 * decisions view, marked overdue in words. Every page checked by axe.
 */
class MeetingJourneyTest extends BrowserTest {

    private static final String DECISION = "Preparare il piano delle attività del semestre";

    @Test
    void governanceRecordsAMeetingWithAttendanceAndADecisionAndFindsThemInTheCalendarAndOpenDecisions() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        desktopWidth();
        open("/?lang=it");
        logIn("demo.anci", "LabImpact-demo-2026");

        open("/governance/bodies");
        waitForHeading("Organismi di governance");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.linkText("Cabina di regia regionale")));
        waitForHeading("Cabina di regia regionale");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.linkText("Nuovo incontro")));
        waitForHeading("Nuovo incontro");
        assertAccessible();

        setValue("date", today.toString());
        setValue("startTime", "09:30");
        setValue("endTime", "11:00");
        new Select(driver.findElement(By.id("mode"))).selectByValue("HYBRID");
        driver.findElement(By.id("place")).sendKeys("Palazzo Lombardia, sala Marco Biagi");
        driver.findElement(By.id("agenda")).sendKeys("Avanzamento delle reti; piano del semestre");
        submit("#meeting-form");

        assertThat(waitFor(By.id("link-error")).getText()).contains("collegamento");
        assertThat(driver.findElement(By.id("link")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("place")).getDomProperty("value"))
                .isEqualTo("Palazzo Lombardia, sala Marco Biagi");
        assertAccessible();
        driver.findElement(By.id("link")).sendKeys("https://meet.example.org/cabina");
        submit("#meeting-form");

        String title = "Cabina di regia regionale, incontro del " + today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        waitForHeading(title);
        String meetingUrl = driver.getCurrentUrl();
        assertAccessible();

        present("Comune di Milano", "2");
        present("ANCI Lombardia", "");
        submit("#attendance-form");
        waitForHeading(title);
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Presenze salvate");
        assertThat(driver.findElement(By.id("attendance-summary")).getText())
                .contains("Organizzazioni presenti: 2 su 16 invitate; persone presenti: 3.");
        assertThat(driver.findElement(By.cssSelector("h1 + p")).getText()).contains("Svolto");

        driver.findElement(By.id("decision-text")).sendKeys(DECISION);
        new Select(driver.findElement(By.id("decision-owner"))).selectByVisibleText("ANCI Lombardia");
        setValue("decision-dueOn", today.minusDays(1).toString());
        submit("#decision-form");
        waitForHeading(title);
        WebElement row = driver.findElement(By.xpath("//table[@id='decisions-table']//tr[td[1]/span[normalize-space()='"
                + DECISION + "']]"));
        assertThat(row.getText()).contains("ANCI Lombardia").contains("Scaduta");
        assertAccessible();

        open("/governance/calendar");
        waitForHeading("Calendario degli incontri di governance");
        String path = meetingUrl.substring(meetingUrl.indexOf("/governance/"));
        assertThat(driver.findElements(By.cssSelector("#calendar-grid a[href='" + path + "']"))).singleElement()
                .extracting(WebElement::getText).asString().contains("09:30").contains("Cabina di regia regionale");
        assertAccessible();

        clickAndWaitForNextPage(driver.findElement(By.linkText("Decisioni aperte")));
        waitForHeading("Decisioni aperte");
        WebElement open = driver.findElement(By.xpath("//table[@id='decisions-table']//tr[td[normalize-space()='"
                + DECISION + "']]"));
        assertThat(open.getText()).contains("Scaduta").contains("ANCI Lombardia").contains("Cabina di regia regionale");
        assertAccessible();

        phoneWidth();
        try {
            open("/governance/calendar");
            assertThat(driver.findElements(By.cssSelector("#calendar-list a[href='" + path + "']"))).singleElement()
                    .extracting(WebElement::getText).asString().contains("Cabina di regia regionale");
            assertNoHorizontalScroll();
            assertAccessible();
            driver.get(meetingUrl);
            waitForHeading(title);
            assertNoHorizontalScroll();
            assertAccessible();
        } finally {
            desktopWidth();
        }
    }

    /** Ticks an organisation as present in the attendance table, with its number of people (empty: one). */
    private void present(String organisation, String people) {
        String row = "//table[@id='attendance-table']//tr[th[normalize-space()='" + organisation + "']]";
        driver.findElement(By.xpath(row + "//label")).click();
        if (!people.isEmpty()) {
            driver.findElement(By.xpath(row + "//input[@type='number']")).sendKeys(people);
        }
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
        assertThat(scrollWidth).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
    }
}
