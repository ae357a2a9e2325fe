package it.labimpact.directory.api;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The HSDS API's rate limit, before anything else runs (security included). */
@Configuration(proxyBeanMethods = false)
class HsdsApiConfiguration {

    @Bean
    FilterRegistrationBean<HsdsRateLimitFilter> hsdsRateLimit(
            @Value("${labimpact.directory.hsds.per-ip-per-minute:120}") int perMinute) {
        FilterRegistrationBean<HsdsRateLimitFilter> registration =
                new FilterRegistrationBean<>(new HsdsRateLimitFilter(perMinute, Clock.systemUTC()));
        registration.addUrlPatterns("/api/hsds", "/api/hsds/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
