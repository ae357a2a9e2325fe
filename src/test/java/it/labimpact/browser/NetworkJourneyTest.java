package it.labimpact.browser;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A regional coordinator logs in, browses the 13 networks on the map of Lombardy and opens one. */
class NetworkJourneyTest extends BrowserTest {

    @Test
    void coordinatorBrowsesTheNetworksAndTheirMaps() {
        desktopWidth();
        open("/?lang=it");
        assertAccessible();
        logIn("demo.coordinatore", "LabImpact-demo-2026");
        assertAccessible();
        driver.findElement(By.cssSelector("main a[href='/networks']")).click();
        waitFor(By.id("networks-table"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#networks-table tbody tr"));
        assertThat(rows).hasSize(13);
        assertThat(rows.get(9).getText()).contains("Rete Milano").contains("Comune di Milano");
        waitForMapCanvas("networks-map");
        assertAccessible();

        driver.findElement(By.linkText("Rete di Ghedi")).click();
        waitForHeading("Rete di Ghedi");
        assertThat(driver.findElements(By.cssSelector("#comuni ~ .table-responsive tbody tr")))
                .as("demo coverage around Ghedi").hasSizeGreaterThan(5);
        assertThat(driver.getPageSource()).contains("Ghedi");
        waitForMapCanvas("network-map");
        assertAccessible();

        // adding a member: the list follows the typing (htmx), is keyboard-usable radio buttons, and adds
        assertThat(driver.findElements(By.cssSelector("#member-candidates input[type=radio]"))).isEmpty();
        driver.findElement(By.id("member-query")).sendKeys("Comune di Milano");
        WebElement candidate = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector("#member-candidates input[type=radio]")).stream().findFirst().orElse(null));
        assertThat(driver.findElement(By.id("member-candidates")).getText()).contains("Comune di Milano");
        assertAccessible();
        driver.findElement(By.cssSelector("label[for='" + candidate.getAttribute("id") + "']")).click();
        assertThat(candidate.isSelected()).isTrue();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#add-member form[method=post] button[type=submit]")));
        waitForHeading("Rete di Ghedi");
        WebElement added = driver.findElements(By.cssSelector("#members ~ .table-responsive tbody tr")).stream()
                .filter(r -> r.getText().contains("Comune di Milano")).findFirst().orElseThrow();
        // leave the demo data as it was
        clickAndWaitForNextPage(added.findElement(By.cssSelector("form[action$='/delete'] button")));
        assertThat(driver.findElements(By.cssSelector("#members ~ .table-responsive tbody tr")).stream()
                .noneMatch(r -> r.getText().contains("Comune di Milano"))).isTrue();
    }

    @Test
    void theMemberSearchWorksWithoutJavaScriptThroughItsForm() {
        desktopWidth();
        logIn("demo.coordinatore", "LabImpact-demo-2026");
        open("/networks/ghedi?lang=en&memberQuery=Comune%20di%20Milano#add-member");
        assertThat(driver.findElement(By.id("member-candidates")).getText()).contains("Comune di Milano");
        assertThat(driver.findElement(By.id("member-query")).getAttribute("value")).isEqualTo("Comune di Milano");
        assertAccessible();
        open("/?lang=it");
    }

    @Test
    void pagesWorkOnAPhoneInEnglish() {
        logIn("demo.operatore.milano", "LabImpact-demo-2026");
        phoneWidth();
        try {
            open("/networks/milano?lang=en");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rete Milano");
            assertThat(driver.getPageSource()).contains("Network members").doesNotContain("Membri della rete");
            Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth;");
            Object wide = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361)"
                    + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');");
            assertThat(scrollWidth).as("no horizontal scrolling at 360 px: " + wide).isLessThanOrEqualTo(360);
            assertAccessible();
            open("/organisations");
            assertAccessible();
        } finally {
            desktopWidth();
            open("/?lang=it");
        }
    }

    private void waitForMapCanvas(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                !d.findElements(By.cssSelector("#" + id + " canvas")).isEmpty());
    }
}
