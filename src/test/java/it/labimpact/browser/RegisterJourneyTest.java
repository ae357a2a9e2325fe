package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An operator opens the class register of a demo activity with enrolled participants, marks a whole session
 * present, unticks one person, saves and sees the totals; axe checks the register at desktop width and on a
 * 360-px phone, where the page does not scroll sideways.
 */
class RegisterJourneyTest extends BrowserTest {

    @Test
    void operatorMarksASessionPresentUnticksOneAndSaves() {
        desktopWidth();
        open("/?lang=en");
        logIn("demo.operatore.milano", "LabImpact-demo-2026");
        open("/activities?lang=en");
        driver.findElement(By.linkText("[DEMO] Corso di italiano L2 – livello A2")).click();
        waitFor(By.id("enrolments-title"));
        driver.findElement(By.linkText("Class register")).click();
        waitForHeading("Class register");
        assertAccessible();

        WebElement firstSession = driver.findElement(By.cssSelector(".register-grid thead form"));
        String formId = firstSession.getDomAttribute("id");
        firstSession.findElement(By.cssSelector("button[data-all-present]")).click();
        List<WebElement> boxes = driver.findElements(By.cssSelector("input[type=checkbox][form='" + formId + "']"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(3).allMatch(WebElement::isSelected);
        WebElement unticked = boxes.get(0);
        String uncheckedId = unticked.getDomAttribute("id");
        click(unticked);
        assertThat(unticked.isSelected()).isFalse();
        click(firstSession.findElement(By.cssSelector("button:not([data-all-present])")));

        waitFor(By.cssSelector(".alert-success"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Attendance saved");
        assertThat(driver.findElement(By.id(uncheckedId)).isSelected()).isFalse();
        List<WebElement> saved = driver.findElements(By.cssSelector("input[type=checkbox][form='" + formId + "']"));
        assertThat(saved.stream().filter(WebElement::isSelected).count()).isEqualTo(saved.size() - 1L);
        assertThat(driver.findElements(By.cssSelector(".register-grid tbody tr td.text-end")))
                .extracting(WebElement::getText).allMatch(t -> t.matches("[0-9.]+"));
        assertAccessible();

        phoneWidth();
        try {
            driver.navigate().refresh();
            waitForHeading("Class register");
            assertThat(driver.findElement(By.id("register-session")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector(".register-list input[type=checkbox]"))).isNotEmpty();
            assertAccessible();
            Long width = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(width).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        } finally {
            desktopWidth();
        }
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
