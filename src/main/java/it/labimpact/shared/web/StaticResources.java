package it.labimpact.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files, each folder on its own path ({@code spring.web.resources.add-mappings} is off): the application's
 * {@code /css/**} and {@code /js/**}, and {@code /webjars/**}, whose links the resource chain completes with the
 * webjar's version. Every link a page renders is offered to the resource chain; with Spring Boot's default mapping of
 * {@code /**} each one was looked up as a possible static file, a search of the class path per link that made the
 * pages with many links (the dashboards) cost tens of milliseconds of CPU (docs/benchmarks.md, "HTTP under load").
 * With these paths a page link matches no static handler and costs nothing.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }
}
