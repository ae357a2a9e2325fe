package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator registers a participant on a 360-px phone: a mistake in the tax code is shown beside the field,
 * the typed values stay, the fix goes through. The registration page is checked by axe.
 */
class ParticipantJourneyTest extends BrowserTest {

    @Test
    void operatorRegistersAParticipantOnAPhoneFixingAMistake() {
        desktopWidth();
        open("/?lang=it");
        logIn("demo.operatore.milano", "LabImpact-demo-2026");
        phoneWidth();
        try {
            open("/participants/new");
            waitForHeading("Registra un partecipante");
            assertAccessible();
            assertNoHorizontalScrolling();

            new Select(driver.findElement(By.id("organisationId"))).selectByVisibleText("Comune di Milano");
            type("surname", "Ndiaye");
            type("givenNames", "Fatou");
            click(By.cssSelector("label[for=sex1]"));
            setDate("birthDate", "1990-03-12");
            new Select(driver.findElement(By.id("birthCountry"))).selectByValue("SN");
            new Select(driver.findElement(By.id("citizenship"))).selectByValue("SN");
            type("taxCode", "ndy ftu 90c52 z343x");
            type("residence", "015146");
            click(By.cssSelector("label[for=consent1]"));
            click(By.cssSelector("main form button[type=submit]"));

            WebElement error = waitFor(By.id("taxCode-error"));
            assertThat(error.getText()).contains("carattere di controllo");
            assertThat(driver.findElement(By.id("taxCode")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.findElement(By.id("taxCode")).getDomAttribute("aria-describedby")).contains("taxCode-error");
            assertThat(driver.findElement(By.id("surname")).getDomProperty("value")).isEqualTo("Ndiaye");
            assertThat(driver.findElement(By.id("birthDate")).getDomProperty("value")).isEqualTo("1990-03-12");
            assertThat(new Select(driver.findElement(By.id("citizenship"))).getFirstSelectedOption().getDomAttribute("value"))
                    .isEqualTo("SN");
            assertAccessible();
            assertNoHorizontalScrolling();

            type("taxCode", "NDYFTU90C52Z343J");
            click(By.cssSelector("main form button[type=submit]"));
            waitForHeading("Ndiaye Fatou");
            assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Partecipante registrato");
            assertAccessible();
        } finally {
            desktopWidth();
        }
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), isoDate);
    }

    private void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void assertNoHorizontalScrolling() {
        Long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        assertThat(width).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
    }
}
