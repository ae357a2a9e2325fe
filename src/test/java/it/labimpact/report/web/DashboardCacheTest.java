package it.labimpact.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.labimpact.TestActors;
import it.labimpact.indicator.Indicators;
import it.labimpact.indicator.Period;
import it.labimpact.indicator.Targets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With {@code labimpact.dashboard.cache-seconds} above zero a dashboard is built once for the same request and
 * language and then served again; another language, network or choice of values is built apart; with 0 it is built
 * at every request.
 */
@SpringBootTest(properties = "labimpact.dashboard.cache-seconds=60")
@AutoConfigureMockMvc
class DashboardCacheTest {

    @Autowired MockMvc mvc;

    @Autowired DashboardFigures cached;
    @Autowired Indicators indicators;
    @Autowired Targets targets;
    @Autowired DashboardMapFigures maps;
    @Autowired DimensionLabels labels;
    @Autowired MessageSource messages;

    @Test
    void theSameDashboardIsBuiltOnceWithinTheCacheTime() {
        DashboardView[] views = TestActors.call(TestActors.admin(), () -> {
            Period q = indicators.period("2025-Q2");
            DashboardFigures.Request project = request(q, null, false);
            return new DashboardView[] {cached.build(project, Locale.ITALIAN), cached.build(project, Locale.ITALIAN),
                cached.build(project, Locale.ENGLISH), cached.build(request(q, "milano", false), Locale.ITALIAN),
                cached.build(request(q, null, true), Locale.ITALIAN)};
        });

        assertThat(views[1]).as("the same request again").isSameAs(views[0]);
        assertThat(views[2]).as("another language").isNotSameAs(views[0]);
        assertThat(views[3]).as("a network").isNotSameAs(views[0]);
        assertThat(views[3].network()).isEqualTo("milano");
        assertThat(views[4]).as("published values").isNotSameAs(views[0]);
        assertThat(views[4].published()).isTrue();
    }

    @Test
    void withoutCacheTimeEveryRequestBuildsTheDashboard() {
        DashboardFigures uncached = new DashboardFigures(indicators, targets, maps, labels, messages, 0);
        DashboardView[] views = TestActors.call(TestActors.admin(), () -> {
            DashboardFigures.Request project = request(indicators.period("2025-Q2"), null, false);
            return new DashboardView[] {uncached.build(project, Locale.ITALIAN), uncached.build(project,
                    Locale.ITALIAN)};
        });

        assertThat(views[1]).isNotSameAs(views[0]);
    }

    @Test
    void theFiguresAreRenderedOnceAndServeEveryUserOfTheSameDashboard() throws Exception {
        String admin = page(TestActors.admin(), "it");
        String coordinator = page(TestActors.coordinator(), "it");
        String english = page(TestActors.admin(), "en");

        // the figures part (progress, networks, trend, breakdowns, map) is there, the same HTML for both users
        assertThat(figures(admin)).contains("id=\"progress-table\"").contains("id=\"networks-table\"")
                .contains("id=\"map-title\"").doesNotContain("jsessionid");
        assertThat(figures(coordinator)).isEqualTo(figures(admin));
        // the page around it is each user's own; another language is another dashboard
        assertThat(figures(english)).isNotEqualTo(figures(admin)).contains("id=\"progress-table\"");
        assertThat(admin).contains("Cruscotto di progetto</h1>");
    }

    private String page(it.labimpact.shared.Actor actor, String language) throws Exception {
        var r = mvc.perform(get("/dashboard").param("period", "2025-Q2").header("Accept-Language", language)
                .with(TestActors.as(actor))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString();
    }

    /** From the progress title to the charts' scripts. */
    private static String figures(String html) {
        int from = html.indexOf("id=\"progress-title\"");
        int to = html.indexOf("echarts.min.js");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        return html.substring(from, to);
    }

    private static DashboardFigures.Request request(Period period, String network, boolean published) {
        return new DashboardFigures.Request(period, network, published, null, null, null, !published);
    }
}
