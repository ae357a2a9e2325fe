package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator of the Milano network records a training, fills its attendance list (a mistake comes back beside
 * its row, nothing saved), the self-assessment of one attendee, and a need from the territory; governance then
 * sees the need on the board — each page checked by axe, and on a 360-px phone without sideways scrolling.
 */
class TrainingJourneyTest extends BrowserTest {

    private static final String TITLE = "Competenze interculturali allo sportello";

    @Test
    void operatorRecordsATrainingItsAttendanceAndANeedThatGovernanceSeesOnTheBoard() {
        desktopWidth();
        driver.manage().deleteAllCookies();
        open("/?lang=it");
        logIn("demo.operatore.milano", "LabImpact-demo-2026");

        open("/trainings");
        waitForHeading("Formazione degli operatori");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.linkText("Nuova formazione")));
        waitForHeading("Nuova formazione");
        assertAccessible();
        driver.findElement(By.id("title")).sendKeys(TITLE);
        new Select(driver.findElement(By.id("organiserOrganisationId"))).selectByVisibleText("Comune di Milano");
        String end = LocalDate.now().minusDays(1).toString();
        setValue("startDate", LocalDate.now().minusDays(3).toString());
        setValue("endDate", end);
        driver.findElement(By.id("hours")).sendKeys("10");
        submit("#training-form");
        waitForHeading(TITLE);
        assertAccessible();

        clickAndWaitForNextPage(driver.findElement(By.linkText("Registro presenze")));
        waitForHeading("Registro presenze");
        assertAccessible();
        row(0, "Rossi", "Maria", "Comune di Milano", "Docente", "", "8");
        row(1, "Bianchi", "Luca", "[DEMO] CPIA Milano", "Altro", "", "");
        submit("#attendance-form");
        assertThat(waitFor(By.id("r1-roleOther-error")).getText()).contains("Riga 2");
        assertThat(driver.findElement(By.id("r1-roleOther")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("r0-surname")).getDomProperty("value")).isEqualTo("Rossi");
        assertAccessible();
        driver.findElement(By.id("r1-roleOther")).sendKeys("Bibliotecario");
        submit("#attendance-form");
        waitForHeading(TITLE);
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Registro presenze salvato");
        assertThat(driver.findElement(By.id("attendees-table")).getText()).contains("Rossi Maria").contains("Bianchi Luca");

        clickAndWaitForNextPage(driver.findElement(By.linkText("Autovalutazione")));
        waitForHeading("Autovalutazione");
        assertAccessible();
        long rossi = Long.parseLong(driver.findElement(By.xpath(
                "//tr[th/span[normalize-space()='Rossi Maria']]//select")).getDomAttribute("id").split("-")[1]);
        for (int n = 1; n <= 5; n++) {
            new Select(driver.findElement(By.id("pre-" + rossi + "-" + n))).selectByValue("2");
            new Select(driver.findElement(By.id("post-" + rossi + "-" + n))).selectByValue("4");
        }
        submit("#self-assessment-form");
        waitForHeading(TITLE);
        assertThat(driver.findElement(By.id("self-assessment-summary")).getText()).contains("+2.00");
        assertAccessible();

        open("/needs/new");
        waitForHeading("Nuovo fabbisogno o proposta");
        assertAccessible();
        new Select(driver.findElement(By.id("theme"))).selectByValue("LANGUAGE");
        driver.findElement(By.id("comuneIstat")).sendKeys("015146");
        new Select(driver.findElement(By.id("raisedByKind"))).selectByValue("SCHOOL");
        driver.findElement(By.id("description")).sendKeys("Servono corsi di italiano serali per i genitori.");
        submit("#need-form");
        waitForHeading("Fabbisogno: Lingua");
        assertThat(driver.findElement(By.id("history-table")).getText()).contains("Nuovo");
        assertAccessible();

        driver.manage().deleteAllCookies();
        open("/?lang=it");
        logIn("demo.anci", "LabImpact-demo-2026");
        open("/needs/board?network=milano");
        waitForHeading("Quadro dei fabbisogni");
        String milano = driver.findElement(By.id("board-network-table")).getText();
        assertThat(milano).contains("▲").contains("+1 (prima 0)");
        waitFor(By.cssSelector("#needs-chart canvas"));
        assertAccessible();

        phoneWidth();
        try {
            for (String page : new String[] {"/needs/board", "/needs", "/trainings", "/needs/new"}) {
                open(page);
                assertNoHorizontalScroll();
                assertAccessible();
            }
        } finally {
            desktopWidth();
        }
    }

    private void assertNoHorizontalScroll() {
        Long scrollWidth = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth).as("no horizontal scrolling at 360 px on " + driver.getCurrentUrl())
                .isLessThanOrEqualTo(360);
    }

    private void row(int i, String surname, String given, String organisation, String role, String other,
            String hours) {
        driver.findElement(By.id("r" + i + "-surname")).sendKeys(surname);
        driver.findElement(By.id("r" + i + "-givenName")).sendKeys(given);
        new Select(driver.findElement(By.id("r" + i + "-organisationId"))).selectByVisibleText(organisation);
        new Select(driver.findElement(By.id("r" + i + "-role"))).selectByVisibleText(role);
        driver.findElement(By.id("r" + i + "-roleOther")).sendKeys(other);
        driver.findElement(By.id("r" + i + "-hours")).sendKeys(hours);
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), value);
    }

    private void submit(String form) {
        clickAndWaitForNextPage(driver.findElement(By.cssSelector(form + " button[type=submit]")));
    }
}
