package it.labimpact.shared.web;

import it.labimpact.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the acting user (for navigation by role) and the demo banner. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final boolean demo;

    LayoutModel(@Value("${labimpact.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("actor")
    Actor actor() {
        return Actor.current().orElse(null);
    }

    /** The current query string without {@code page}, ready for "&page=N": used by the pager. */
    @ModelAttribute("pageQuery")
    String pageQuery(HttpServletRequest request) {
        return UriComponentsBuilder.fromUriString(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("page").build().toUriString()
                + (request.getQueryString() == null || request.getQueryString().replaceAll("(^|&)page=[^&]*", "").isEmpty()
                        ? "?page=" : "&page=");
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }
}
