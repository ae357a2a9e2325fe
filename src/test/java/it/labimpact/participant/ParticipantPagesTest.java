package it.labimpact.participant;

import static it.labimpact.participant.ParticipantFixtures.person;
import static it.labimpact.participant.ParticipantFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every participant page renders completely in Italian and English with no unresolved message key — the
 * pages with data, empty ones, erased records, and the forms showing errors and warnings.
 */
@SpringBootTest(properties = "labimpact.demo.enabled=true")
@AutoConfigureMockMvc
class ParticipantPagesTest {

    static final LocalDate BORN = LocalDate.of(1990, 3, 12);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantRegistry registry;

    UUID active;
    UUID erased;

    @BeforeEach
    void participants() {
        ParticipantFixtures.reset(jdbc);
        active = register(registry, jdbc, TestActors.operator("milano"), person("Mohamed", "Karim", BORN, null))
                .participantId();
        register(registry, jdbc, TestActors.operator("cremasca"), person("Mohammed", "Karim", BORN, null));
        erased = register(registry, jdbc, TestActors.operator("milano"), person("Ndiaye", "Awa", BORN, null))
                .participantId();
        TestActors.actAs(TestActors.coordinator());
        registry.erase(erased);
        TestActors.clear();
    }

    @AfterEach
    void clean() {
        TestActors.clear();
        ParticipantFixtures.reset(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void everyParticipantPageRenders(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Actor operator = TestActors.operator("milano");
        for (String page : List.of("/participants", "/participants?q=moh", "/participants?q=12345678903",
                "/participants/new", "/participants/" + active, "/participants/" + active + "/export",
                "/participants/" + erased)) {
            assertRendered(get(page).locale(locale), operator, page);
        }
        Actor coordinator = TestActors.coordinator();
        for (String page : List.of("/participants", "/participants?q=moh", "/participants?q=moh&network=milano",
                "/participants/new", "/participants/" + active, "/participants/pseudonymised",
                "/participants/pseudonymised?network=cremasca&page=0", "/admin/participant-matches",
                "/admin/privacy-notice")) {
            assertRendered(get(page).locale(locale), coordinator, page);
        }
        String matches = assertRendered(get("/admin/participant-matches").locale(locale), coordinator, "matches");
        assertThat(matches).contains("Mohammed").contains("Mohamed");
        assertRendered(get("/participants/pseudonymised").locale(locale), TestActors.evaluator(), "evaluator");
        String form = assertRendered(get("/participants/new").locale(locale), operator, "form");
        assertThat(form.split("name=\"surname\"", -1)).as("each field once").hasSize(2);
        assertThat(form.split("name=\"sex\"", -1)).as("three radios").hasSize(4);
        String admin = assertRendered(get("/participants/" + active).locale(locale), TestActors.admin(), "admin");
        assertThat(admin).doesNotContain("permitType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void formsWithMistakesShowEachErrorBesideItsField(String lang) throws Exception {
        String page = assertRendered(post("/participants").with(csrf()).locale(Locale.forLanguageTag(lang))
                .param("surname", "Ndiaye").param("givenNames", "").param("taxCode", "RSSMRA85T10A562T")
                .param("birthDate", "1990-03-12").param("birthCountry", "SN").param("citizenship", "SN")
                .param("residence", "Nowhere").param("firstContactDate", "2020-01-01"),
                TestActors.operator("milano"), "registration with errors");
        assertThat(page).contains("givenNames-error").contains("taxCode-error").contains("sex-error")
                .contains("consent-error").contains("organisationId-error").contains("aria-invalid=\"true\"")
                .contains("value=\"Ndiaye\"").contains("value=\"RSSMRA85T10A562T\"");

        String warnings = assertRendered(post("/participants").with(csrf()).locale(Locale.forLanguageTag(lang))
                .param("surname", "Rossi").param("givenNames", "Mario").param("sex", "F")
                .param("taxCode", "RSSMRA85T10A562S").param("birthDate", "1985-12-11").param("birthCountry", "IT")
                .param("citizenship", "MA").param("residence", "015146").param("firstContactDate", "2026-01-05")
                .param("organisationId", String.valueOf(ParticipantFixtures.leadOrganisation(jdbc, "milano")))
                .param("consent", "true").param("noticeVersion", "1"),
                TestActors.operator("milano"), "registration with warnings");
        assertThat(warnings).contains("birthDate-warning").contains("sex-warning").contains("confirmWarnings");

        String rectify = assertRendered(post("/participants/" + active).with(csrf()).locale(Locale.forLanguageTag(lang))
                .param("version", "0").param("surname", "").param("email", "not-an-email"),
                TestActors.operator("milano"), "rectification with errors");
        assertThat(rectify).contains("surname-error").contains("email-error");

        String notice = assertRendered(post("/admin/privacy-notice").with(csrf()).locale(Locale.forLanguageTag(lang))
                .param("italian", "").param("english", "Text"), TestActors.coordinator(), "notice");
        assertThat(notice).contains("italian-error");
    }

    private String assertRendered(MockHttpServletRequestBuilder request, Actor actor, String what) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
        String body = r.getContentAsString();
        assertThat(r.getStatus()).as(what + " status").isEqualTo(200);
        assertThat(body).as(what + " complete").contains("</html>");
        assertThat(body).as(what + " has unresolved message keys").doesNotContain("??");
        return body;
    }
}
