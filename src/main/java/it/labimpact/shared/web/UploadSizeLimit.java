package it.labimpact.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload over {@code spring.servlet.multipart.max-request-size} from its Content-Length, before
 * anything reads the body: the API answers 413 problem+json, a page is redirected to a page that says how
 * large a file may be. Nothing is read or written.
 */
@Configuration(proxyBeanMethods = false)
class UploadSizeLimit {

    static final String PAGE = "/upload-too-large";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadSizeFilter(
            @Value("${spring.servlet.multipart.max-request-size:11MB}") DataSize limit) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String type = request.getContentType();
                if (type == null || !type.toLowerCase().startsWith("multipart/")
                        || request.getContentLengthLong() <= limit.toBytes()) {
                    chain.doFilter(request, response);
                } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                            + "\"detail\":\"The upload is larger than " + limit.toMegabytes() + " MB\"}");
                } else {
                    response.setStatus(HttpStatus.SEE_OTHER.value());
                    response.setHeader("Location", request.getContextPath() + PAGE);
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The page an oversized upload lands on. */
    @Controller
    static class UploadTooLargeController {

        private final DataSize limit;

        UploadTooLargeController(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize limit) {
            this.limit = limit;
        }

        @GetMapping(PAGE)
        @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
        String tooLarge(Model model) {
            model.addAttribute("limitMb", limit.toMegabytes());
            return "error/413";
        }
    }
}
