package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.directory.web.ICalendarParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The public directory on a phone: a visitor switches to Arabic, searches an Italian course near a comune, opens
 * it, finds an event and downloads its calendar file; first-load transfer measured; axe on every page in Arabic and
 * Italian. Then staff: an operator drafts a service, the lead publishes it, it appears publicly; the stale count.
 */
class DirectoryJourneyTest extends BrowserTest {

    /** The page budget of issue 6 for a first load, map tiles excluded (there are none). */
    private static final long BUDGET_BYTES = 300 * 1024;

    @Test
    void aVisitorWhoSharesTheirPositionSearchesNearIt() {
        phoneWidth();
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("geolocation")));
        // in Sesto San Giovanni
        chrome.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 45.5341, "longitude", 9.2327,
                "accuracy", 30));
        try {
            open("/servizi?lingua=it");
            WebElement near = waitFor(By.id("near-me"));
            assertThat(near.isDisplayed()).as("shown where the browser can tell its position").isTrue();
            clickAndWaitForNextPage(near);
            // the position goes rounded to about a kilometre, and the search is near its comune
            assertThat(driver.getCurrentUrl()).contains("lat=45.53").contains("lon=9.23");
            assertThat(waitFor(By.cssSelector("p.summary")).getText()).contains("vicino a Sesto San Giovanni");
            assertThat(driver.findElement(By.id("comune")).getAttribute("value")).isEqualTo("Sesto San Giovanni");
            assertAccessible();
        } finally {
            chrome.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
        }
    }

    @Test
    void aVisitorFindsACourseInArabicAndAnOperatorsEntryGoesPublic() throws Exception {
        phoneWidth();
        open("/servizi?lingua=it");
        long firstLoad = transferred();
        System.out.println("[directory] first load of /servizi: " + firstLoad + " bytes transferred");
        assertThat(firstLoad).isLessThan(BUDGET_BYTES);
        assertAccessible();

        // switch to Arabic with the switcher (no script: a <details> list of links)
        driver.findElement(By.cssSelector(".languages summary")).click();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector(".languages a[lang='ar']")));
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getAttribute("lang")).isEqualTo("ar");
        assertThat(html.getAttribute("dir")).isEqualTo("rtl");
        assertAccessible();

        driver.findElement(By.id("q")).sendKeys("corso di italiano");
        driver.findElement(By.id("comune")).sendKeys("Sesto San Giovanni");
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form.search button[type=submit]")));
        WebElement result = waitFor(By.cssSelector("#results .result h2 a"));
        assertThat(result.getText()).isEqualTo("دورة اللغة الإيطالية للكبار (A1–A2)");
        assertThat(driver.findElements(By.cssSelector("figure.map svg"))).hasSize(1);
        assertAccessible();

        clickAndWaitForNextPage(result);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("دورة اللغة الإيطالية للكبار (A1–A2)");
        long entryPage = transferred();
        System.out.println("[directory] entry page in Arabic: " + entryPage + " bytes (upper bound)");
        assertThat(entryPage).isLessThan(BUDGET_BYTES);
        // untranslated texts are Italian, marked as such
        assertThat(driver.findElements(By.cssSelector(".facts [lang='it']"))).isNotEmpty();
        Object ld = ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type'];");
        assertThat(ld).isEqualTo("Service");
        assertNoCspViolation();
        assertAccessible();

        // the events, still in Arabic (remembered), and one event's calendar file
        open("/eventi");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.xpath("//a[contains(., 'مهرجان الثقافات')]")));
        assertAccessible();
        String ics = driver.findElement(By.id("ics")).getAttribute("href");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ics))
                .header("Cookie", "LABIMPACT_PUBLIC_LANG=ar").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/calendar"));
        List<Map<String, String>> events = ICalendarParser.events(download.body());
        assertThat(events).singleElement().satisfies(e -> assertThat(e.get("SUMMARY"))
                .isEqualTo("مهرجان الثقافات: موسيقى وطعام وألعاب"));

        // the same pages in Italian
        open("/servizi?lingua=it&q=corso&comune=Milano");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("#results .result h2 a")));
        assertNoCspViolation();
        assertAccessible();
        open("/eventi");
        assertAccessible();

        // an operator drafts a service
        desktopWidth();
        logIn("demo.operatore.milano", "LabImpact-demo-2026");
        open("/directory?lang=it");
        assertAccessible();
        clickAndWaitForNextPage(driver.findElement(By.id("new-service")));
        assertAccessible();
        String name = "Sportello lavoro di quartiere " + System.nanoTime();
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("description")).sendKeys("Orientamento al lavoro, curriculum e colloqui.");
        driver.findElement(By.cssSelector("label[for=cat-WORK_GUIDANCE]")).click();
        driver.findElement(By.id("locAddress0")).sendKeys("Via Padova 100");
        driver.findElement(By.id("locComune0")).sendKeys("Milano");
        driver.findElement(By.id("hours1")).sendKeys("09:00-12:00");
        clickAndWaitForNextPage(driver.findElement(By.id("save")));
        assertThat(driver.findElement(By.id("entry-status")).getText()).isEqualTo("Bozza");
        assertThat(driver.findElements(By.id("publish"))).isEmpty();
        assertAccessible();
        String entry = driver.getCurrentUrl();

        // the lead publishes it; the lead also sees the stale count
        driver.manage().deleteAllCookies();
        logIn("demo.capofila.milano", "LabImpact-demo-2026");
        open("/directory?lang=it");
        assertThat(driver.findElement(By.id("stale-count")).getText()).contains("1");
        driver.get(entry);
        clickAndWaitForNextPage(driver.findElement(By.id("publish")));
        assertThat(driver.findElement(By.id("entry-status")).getText()).isEqualTo("Pubblicata");
        assertAccessible();

        // and it is public
        driver.manage().deleteAllCookies();
        open("/servizi?lingua=it&q=" + name.replace(' ', '+'));
        assertThat(driver.findElement(By.cssSelector("#results .result h2 a")).getText()).isEqualTo(name);
    }

    /** Bytes transferred for the current page and everything it loaded (Resource Timing, same origin). */
    private long transferred() {
        Object bytes = ((JavascriptExecutor) driver).executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const all = [nav, ...performance.getEntriesByType('resource')];
                return all.map(r => r.name + ' ' + r.transferSize + ' ' + r.decodedBodySize).join('\\n');""");
        long total = 0;
        for (String line : String.valueOf(bytes).split("\\n")) {
            System.out.println("[directory]   " + line);
            String[] parts = line.split(" ");
            total += Math.max(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }
        return total;
    }

    /** The browser's console has no Content-Security-Policy report (JSON-LD is data, not script). */
    private void assertNoCspViolation() {
        try {
            List<LogEntry> logs = driver.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(logs).noneMatch(l -> l.getMessage().contains("Content Security Policy"));
        } catch (UnsupportedOperationException | org.openqa.selenium.WebDriverException e) {
            System.out.println("[directory] browser log not available: " + e.getMessage());
        }
    }
}
