package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A visitor finds the open data without logging in; a network lead reaches the reports from the menu, previews the
 * network's periodic report and writes the network's note; every page passes axe.
 */
class ReportJourneyTest extends BrowserTest {

    @Test
    void visitorsReadTheOpenDataAndALeadWritesTheNetworksNote() {
        desktopWidth();
        open("/open-data?lang=it");
        waitForHeading("Dati aperti");
        assertThat(driver.findElements(By.cssSelector("main a[href$='.csv']"))).isNotEmpty();
        assertAccessible();

        logIn("demo.capofila.milano", "LabImpact-demo-2026");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#main-nav a[href='/reports']")));
        waitForHeading("Report ed esportazioni");
        assertThat(new Select(driver.findElement(By.id("network"))).getOptions()).as("only the lead's network")
                .hasSize(1);
        assertAccessible();

        clickAndWaitForNextPage(driver.findElement(By.cssSelector("button[formaction='/reports/periodic']")));
        waitForHeading("Relazione periodica");
        assertThat(driver.getPageSource()).contains("Rete Milano").contains("Dati provvisori");
        assertAccessible();

        driver.findElement(By.id("note-text")).clear();
        driver.findElement(By.id("note-text")).sendKeys("Un trimestre di attività regolari.");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#notes button[type=submit]")));
        waitFor(By.cssSelector(".alert-success"));
        assertThat(driver.findElement(By.cssSelector(".report-note")).getText())
                .contains("Un trimestre di attività regolari.");
        assertAccessible();
    }
}
