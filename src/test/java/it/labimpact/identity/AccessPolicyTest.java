package it.labimpact.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the application registers (controllers, API description, actuator) has a rule in the
 * {@link AccessPolicy}, and nothing but the public ones answers an anonymous caller.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessPolicyTest {

    /** Methods a mapping without a method condition answers. */
    private static final List<HttpMethod> ALL_METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    /** One registered endpoint: a method, the pattern as registered and a concrete path that it matches. */
    record Endpoint(HttpMethod method, String pattern, String path, String handlerMapping) {

        @Override
        public String toString() {
            return method + " " + pattern + " (" + handlerMapping + ")";
        }
    }

    @Test
    void everyRegisteredEndpointHasAnAccessRule() {
        List<Endpoint> endpoints = endpoints();

        assertThat(endpoints).as("enumerated endpoints").hasSizeGreaterThan(20);
        assertThat(endpoints).as("actuator endpoints are enumerated too")
                .anyMatch(e -> e.handlerMapping().equals(WebMvcEndpointHandlerMapping.class.getSimpleName())
                        && e.pattern().startsWith("/actuator/health"));
        assertThat(endpoints).as("the API description is enumerated too")
                .anyMatch(e -> e.pattern().startsWith("/v3/api-docs"));

        List<Endpoint> uncovered = endpoints.stream()
                .filter(e -> AccessPolicy.ruleFor(e.method(), e.path()).isEmpty()).toList();
        assertThat(uncovered)
                .as("endpoints without a rule in AccessPolicy (denied to everyone):%n  %s",
                        String.join("%n  ".formatted(), uncovered.stream().map(Endpoint::toString).toList()))
                .isEmpty();
    }

    @Test
    void nonPublicEndpointsNeverAnswerAnonymousCallers() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : endpoints()) {
            var rule = AccessPolicy.ruleFor(e.method(), e.path());
            if (rule.isPresent() && rule.get().access() == AccessPolicy.Access.PUBLIC) {
                continue;
            }
            checked++;
            boolean api = e.path().startsWith("/api/");
            MockHttpServletRequestBuilder request = request(e.method(), e.path()).with(csrf());
            if (!api) {
                request.accept(MediaType.TEXT_HTML);
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            int status = response.getStatus();
            String location = response.getHeader(HttpHeaders.LOCATION);
            String contentType = String.valueOf(response.getContentType());
            boolean ok = api
                    ? status == 401 && contentType.startsWith("application/problem+json")
                    : status == 302 && location != null && location.matches("^(https?://[^/]+)?/login$");
            if (!ok) {
                wrong.add(e + " -> " + status + (location == null ? "" : " Location: " + location) + " "
                        + contentType);
            }
        }
        assertThat(checked).as("non-public endpoints checked").isGreaterThan(10);
        assertThat(wrong)
                .as("non-public endpoints that did not refuse an anonymous caller:%n  %s",
                        String.join("%n  ".formatted(), wrong))
                .isEmpty();
    }

    private List<Endpoint> endpoints() {
        Set<Endpoint> found = new TreeSet<>(Comparator.comparing(Endpoint::pattern)
                .thenComparing(e -> e.method().name()).thenComparing(Endpoint::handlerMapping));
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping -> {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<HttpMethod> httpMethods = methods.isEmpty() ? ALL_METHODS
                        : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
                for (String pattern : info.getPatternValues()) {
                    for (HttpMethod method : httpMethods) {
                        found.add(new Endpoint(method, pattern, concrete(pattern),
                                mapping.getClass().getSimpleName()));
                    }
                }
            }
        });
        return List.copyOf(found);
    }

    /** A path that the pattern matches: each {@code {var}} or {@code {*var}} becomes a sample segment. */
    static String concrete(String pattern) {
        String path = pattern.replaceAll("\\{\\*[^}]*}", "sample/1").replaceAll("\\{[^}]*}", "1");
        return path.isEmpty() ? "/" : path;
    }
}
