package it.labimpact.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.labimpact.TestActors;
import it.labimpact.shared.Actor;
import it.labimpact.shared.csv.ImportReport;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The targets and approval pages through HTTP: who sees what, field errors, uploads, the approval steps, and
 * requests forged for another network or by the wrong role.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IndicatorPagesTest {

    static final String Q = "2025-Q4";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    final Actor coordinator = TestActors.coordinator();
    final Actor lead = TestActors.lead("milano");

    @BeforeEach
    @AfterEach
    void clean() {
        ApprovalFixtures.reset(jdbc);
    }

    @Test
    void eachRoleSeesTheTargetsItMay() throws Exception {
        String milano = name("milano");
        String cremasca = name("cremasca");
        String all = page(get("/indicators/targets?period=2026"), coordinator, 200);
        assertThat(all).contains(milano, cremasca, "AMIF-O3", "/indicators/targets/edit", "targets-file");
        String own = page(get("/indicators/targets?period=2026"), lead, 200);
        assertThat(own).contains(milano, "Progetto (tutte le reti)").doesNotContain(cremasca)
                .doesNotContain("/indicators/targets/edit").doesNotContain("targets-file");
        assertThat(page(get("/indicators/targets"), TestActors.evaluator(), 200)).contains(cremasca)
                .doesNotContain("targets-file");
        page(get("/indicators/targets"), TestActors.operator("milano"), 403);
        page(post("/indicators/targets").with(csrf()).param("period", "2026").param("indicator", "AMIF-O3")
                .param("target", "5"), lead, 403);
        page(get("/indicators/targets?period=2026-Q9"), coordinator, 404);
        page(get("/indicators/targets/edit?period=2026&indicator=AMIF-O3&network=cremasca"), lead, 404);
    }

    @Test
    void theRowFormShowsFieldErrorsAndSavesADecimalComma() throws Exception {
        String refused = page(save("-1", "abc"), coordinator, 200);
        assertThat(refused).contains("aria-invalid=\"true\"").contains("target-error")
                .contains("Il valore non può essere negativo.");
        assertThat(count()).isZero();
        MvcResult saved = mvc.perform(save("12,5", "").with(TestActors.as(coordinator))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/indicators/targets?period=2026-Q3");
        assertThat(jdbc.sql("select target from indicator_target where network_code = 'milano'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("12.5");
        String table = page(get("/indicators/targets?period=2026-Q3"), coordinator, 200);
        assertThat(table).contains("12,50");
        String edit = page(get("/indicators/targets/edit?period=2026-Q3&indicator=AMIF-O3&network=milano"),
                coordinator, 200);
        assertThat(edit).contains("value=\"12.50\"").contains("/indicators/targets/clear");
    }

    @Test
    void anUploadReportsEveryProblemAndTheTemplateDownloads() throws Exception {
        MockMultipartFile bad = new MockMultipartFile("file", "obiettivi.csv", "text/csv",
                "indicatore;rete;periodo;obiettivo\nAMIF-O3;;2026;10\nAMIF-O3;atlantide;2026;1\n"
                        .getBytes(StandardCharsets.UTF_8));
        MvcResult rejected = mvc.perform(multipart("/indicators/targets/upload").file(bad).param("period", "2026")
                .with(csrf()).with(TestActors.as(coordinator))).andReturn();
        ImportReport report = (ImportReport) rejected.getFlashMap().get("report");
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(3);
        assertThat(count()).isZero();

        MockHttpServletResponse template = mvc.perform(get("/indicators/targets/template.xlsx?period=2026")
                .with(TestActors.as(coordinator))).andReturn().getResponse();
        assertThat(template.getStatus()).isEqualTo(200);
        assertThat(template.getContentType()).contains("spreadsheetml");
        assertThat(template.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void aQuarterIsSubmittedReturnedAndApprovedFromThePages() throws Exception {
        String url = "/indicators/approvals/milano/" + Q;
        assertThat(page(get("/indicators/approvals"), lead, 200)).contains(name("milano"))
                .doesNotContain(name("cremasca")).contains("Non trasmesso");
        assertThat(page(get(url), lead, 200)).contains(url + "/submit").doesNotContain(url + "/approve");
        redirect(post(url + "/submit").with(csrf()).param("comment", "Pronto"), lead);

        String decide = page(get(url), coordinator, 200);
        assertThat(decide).contains(url + "/approve").contains(url + "/return").contains("Trasmesso");
        String noComment = page(post(url + "/return").with(csrf()).param("version", "0").param("comment", ""),
                coordinator, 200);
        assertThat(noComment).contains("return-comment-error").contains("Scrivi un commento");
        String stale = page(post(url + "/approve").with(csrf()).param("version", "7"), coordinator, 200);
        assertThat(stale).contains("Qualcun altro ha modificato");
        redirect(post(url + "/approve").with(csrf()).param("version", "0"), coordinator);
        String approved = page(get(url), coordinator, 200);
        assertThat(approved).contains("Approvato (chiuso)").contains(url + "/reopen").contains("Istantanea n.")
                .contains("Pronto");
        assertThat(page(get("/indicators/approvals"), TestActors.evaluator(), 200)).contains("Approvato (chiuso)")
                .contains(name("cremasca"));
    }

    @Test
    void forgedRequestsForAnotherNetworkOrByTheWrongRoleAreRefused() throws Exception {
        page(post("/indicators/approvals/cremasca/" + Q + "/submit").with(csrf()), lead, 404);
        page(get("/indicators/approvals/cremasca/" + Q), lead, 404);
        page(post("/indicators/approvals/milano/" + Q + "/approve").with(csrf()).param("version", "0"), lead, 403);
        page(post("/indicators/approvals/milano/" + Q + "/submit").with(csrf()), TestActors.evaluator(), 403);
        page(post("/indicators/approvals/milano/" + Q + "/submit").with(csrf()), coordinator, 403);
        page(get("/indicators/approvals/milano/2025"), coordinator, 404);
        page(get("/indicators/approvals"), TestActors.operator("milano"), 403);
        assertThat(jdbc.sql("select count(*) from indicator_submission where period_code = :q"
                + " and network_code in ('milano', 'cremasca')").param("q", Q).query(Long.class).single()).isZero();
    }

    // --- helpers ---

    private MockHttpServletRequestBuilder save(String target, String baseline) {
        return post("/indicators/targets").with(csrf()).param("period", "2026-Q3").param("indicator", "AMIF-O3")
                .param("network", "milano").param("target", target).param("baseline", baseline);
    }

    private String page(MockHttpServletRequestBuilder request, Actor actor, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(TestActors.as(actor)).locale(Locale.ITALIAN))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(request.toString()).isEqualTo(status);
        String body = r.getContentAsString();
        if (status == 200) {
            assertThat(body).contains("</html>").doesNotContain("??");
        }
        return body;
    }

    private void redirect(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        assertThat(mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse().getStatus())
                .isEqualTo(302);
    }

    private long count() {
        return jdbc.sql("select count(*) from indicator_target").query(Long.class).single();
    }

    private String name(String network) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(jdbc.sql(
                "select name from partnership_network where code = :c").param("c", network).query(String.class)
                .single());
    }
}
