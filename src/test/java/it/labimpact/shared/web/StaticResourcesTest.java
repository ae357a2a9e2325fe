package it.labimpact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the static files on their own paths only ({@link StaticResources}), the application's CSS and JavaScript and the
 * webjars are still served, the pages' webjar links still carry the webjar's version, and the API documentation's
 * page is served.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticResourcesTest {

    @Autowired MockMvc mvc;

    @Test
    void staticFilesAndVersionedWebjarLinksAreServed() throws Exception {
        assertThat(mvc.perform(get("/css/app.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/js/dashboard.js")).andReturn().getResponse().getStatus()).isEqualTo(200);

        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        Matcher css = Pattern.compile("href=\"(/webjars/bootstrap-italia/[0-9][^/]*/dist/css/[^\"]+)\"").matcher(login);
        assertThat(css.find()).as("the page links the webjar's CSS with its version").isTrue();
        assertThat(mvc.perform(get(css.group(1))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus())
                .as("the API documentation's page, served by springdoc").isEqualTo(200);
    }
}
