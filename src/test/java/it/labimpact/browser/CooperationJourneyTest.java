package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * ANCI Lombardia records a steering-group meeting where Fondazione ISMU and Comune di Siziano are present, with a
 * decision; the cooperation graph of the quarter (reached from the hub, filtered by period) then counts one more
 * meeting in the tie between the two, in its table alternative; the graph and the scorecard pass axe on a desktop
 * and on a 360-px phone without sideways scrolling.
 */
class CooperationJourneyTest extends BrowserTest {

    private static final String TIE = "//table[@id='ties-table']//tr[th[normalize-space()='Fondazione ISMU']"
            + " and td[1][normalize-space()='Comune di Siziano']]";

    @Test
    void aMeetingWithTwoOrganisationsPresentShowsAsATieInTheGraph() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        desktopWidth();
        open("/?lang=it");
        logIn("demo.anci", "LabImpact-demo-2026");

        int before = meetingsOfTheTie(quarter);

        open("/governance/bodies");
        waitForHeading("Organismi di governance");
        clickAndWaitForNextPage(driver.findElement(By.linkText("Cabina di regia regionale")));
        waitForHeading("Cabina di regia regionale");
        clickAndWaitForNextPage(driver.findElement(By.linkText("Nuovo incontro")));
        waitForHeading("Nuovo incontro");
        setValue("date", today.toString());
        setValue("startTime", "15:00");
        setValue("endTime", "16:30");
        new Select(driver.findElement(By.id("mode"))).selectByValue("IN_PERSON");
        driver.findElement(By.id("place")).sendKeys("Palazzo Lombardia");
        driver.findElement(By.id("agenda")).sendKeys("Accordi tra servizi e formazione");
        submit("#meeting-form");
        waitFor(By.id("attendance-form"));
        String meetingUrl = driver.getCurrentUrl();

        present("Fondazione ISMU");
        present("Comune di Siziano");
        submit("#attendance-form");
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Presenze salvate");
        driver.findElement(By.id("decision-text")).sendKeys("Proporre un protocollo d'intesa sulla formazione");
        new Select(driver.findElement(By.id("decision-owner"))).selectByVisibleText("Fondazione ISMU");
        setValue("decision-dueOn", today.plusWeeks(4).toString());
        submit("#decision-form");
        assertThat(waitFor(By.id("decisions-table")).getText()).contains("Proporre un protocollo d'intesa");
        assertThat(driver.getCurrentUrl()).startsWith(meetingUrl.replaceAll("[?#].*", ""));

        open("/cooperation");
        waitForHeading("Cooperazione e governance");
        clickAndWaitForNextPage(driver.findElement(By.linkText("Grafo della cooperazione")));
        waitForHeading("Grafo della cooperazione");
        new Select(driver.findElement(By.id("period"))).selectByValue(quarter);
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#graph-filter button[type=submit]")));
        waitForHeading("Grafo della cooperazione");
        WebElement tie = waitFor(By.xpath(TIE));
        assertThat(tie.getText()).contains("Incontri: " + (before + 1));
        assertThat(driver.findElements(By.cssSelector("#cooperation-graph canvas"))).isNotEmpty();
        assertAccessible();

        clickAndWaitForNextPage(driver.findElement(By.linkText("Quadro della cooperazione per rete")));
        waitForHeading("Quadro della cooperazione per rete");
        assertThat(driver.findElement(By.id("scorecard-table")).getText()).contains("Intero progetto", "Rete Milano");
        assertAccessible();

        phoneWidth();
        try {
            open("/cooperation/graph?period=" + quarter);
            waitForHeading("Grafo della cooperazione");
            assertNoHorizontalScroll();
            assertAccessible();
            open("/cooperation/scorecard?period=" + quarter);
            waitForHeading("Quadro della cooperazione per rete");
            assertNoHorizontalScroll();
            assertAccessible();
        } finally {
            desktopWidth();
        }
    }

    /** The meetings counted in the ISMU–Siziano tie of the project's graph for the quarter (0: no tie). */
    private int meetingsOfTheTie(String quarter) {
        open("/cooperation/graph?period=" + quarter);
        waitForHeading("Grafo della cooperazione");
        List<WebElement> rows = driver.findElements(By.xpath(TIE));
        if (rows.isEmpty()) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Incontri: (\\d+)").matcher(rows.get(0).getText());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Ticks an organisation as present in the attendance table (one person). */
    private void present(String organisation) {
        driver.findElement(By.xpath("//table[@id='attendance-table']//tr[th[normalize-space()='" + organisation
                + "']]//label")).click();
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
