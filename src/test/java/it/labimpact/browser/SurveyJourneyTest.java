package it.labimpact.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.labimpact.TestActors;
import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantFixtures;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.participant.SurveyLink;
import it.labimpact.participant.Surveys;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator generates a one-time survey link in Arabic; the participant opens it on a 360-px phone, without
 * logging in, answers, and a second visit says it was already answered. The survey page is checked by axe in Arabic
 * (right to left) and in Italian.
 */
class SurveyJourneyTest extends BrowserTest {

    @Autowired
    ParticipantRegistry registry;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcClient jdbc;

    UUID participant;

    @BeforeEach
    void participant() {
        ParticipantFixtures.reset(jdbc);
        ParticipantData data = ParticipantFixtures.person("Haddad", "Salma", LocalDate.of(1988, 5, 2), null);
        participant = ParticipantFixtures.register(registry, jdbc, TestActors.operator("milano"), data).participantId();
    }

    @AfterEach
    void clean() {
        driver.manage().deleteAllCookies();
        desktopWidth();
        ParticipantFixtures.reset(jdbc);
    }

    @Test
    void aParticipantAnswersOnceOnAPhoneInArabic() {
        desktopWidth();
        open("/?lang=it");
        logIn("demo.operatore.milano", "LabImpact-demo-2026");
        open("/participants/" + participant);
        waitForHeading("Haddad Salma");
        Select activity = new Select(driver.findElement(By.id("link-activityId")));
        activity.getOptions().stream().filter(o -> o.getText().startsWith("[DEMO] Corso di italiano L2")).findFirst()
                .orElseThrow().click();
        new Select(driver.findElement(By.id("link-language"))).selectByValue("ar");
        click(By.cssSelector("#survey-section form[action$='/surveys/link'] button[type=submit]"));
        String link = waitFor(By.id("survey-link")).getText();
        assertThat(link).contains("/survey/");

        driver.manage().deleteAllCookies();
        phoneWidth();
        driver.get(link);
        waitFor(By.name("helpful"));
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(html.getDomAttribute("lang")).isEqualTo("ar");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("رأيك");
        assertThat(driver.getPageSource()).contains("[DEMO] Corso di italiano L2").doesNotContain("Haddad");
        assertAccessible();
        assertNoHorizontalScrolling();

        click(By.cssSelector("label[for=helpful-YES]"));
        click(By.cssSelector("label[for=contentUseful-5]"));
        click(By.cssSelector("label[for=staffUnderstood-4]"));
        click(By.cssSelector("main form button[type=submit]"));
        assertThat(waitFor(By.id("survey-thanks")).getText()).contains("شكرًا");
        assertAccessible();

        driver.get(link);
        assertThat(waitFor(By.id("survey-answered")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("main form"))).isEmpty();
        assertNoHorizontalScrolling();
        assertThat(jdbc.sql("select count(*) from participant_survey_answer").query(Long.class).single()).isOne();
    }

    @Test
    void theItalianSurveyPageIsAccessibleOnAPhone() {
        long workshop = jdbc.sql("select id from activity_activity where title = :t")
                .param("t", "[DEMO] Laboratorio di competenze digitali").query(Long.class).single();
        TestActors.actAs(TestActors.operator("milano"));
        SurveyLink link;
        try {
            link = surveys.createLink(participant, workshop, "it");
        } finally {
            TestActors.clear();
        }
        driver.manage().deleteAllCookies();
        phoneWidth();
        open(link.path());
        waitFor(By.name("helpful"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("it");
        assertAccessible();
        assertNoHorizontalScrolling();
        click(By.cssSelector("main form button[type=submit]"));
        assertThat(waitFor(By.id("helpful-error")).getText()).isEqualTo("Scegli una risposta.");
        assertThat(driver.findElement(By.id("helpful-YES")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();
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
