package it.labimpact.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Italian first, English second: the language comes from {@code ?lang=}, then a cookie, then the
 * browser's preference among the supported ones.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ITALIAN, Locale.ENGLISH);
    static final List<String> BUNDLES = List.of("shared", "territory", "partnership", "identity", "audit",
            "activity", "participant", "enrolment", "assessment", "survey", "indicator", "report", "dashboard",
            "cooperation", "governance", "referral", "training", "imports",
            "directory", "public");

    /**
     * One bundle per module, {@code messages/<module>_<lang>.properties}, UTF-8; a language without a
     * bundle falls back to Italian, never to the server's locale.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new UncontendedMessageSource();
        messages.setBasenames(BUNDLES.stream().map(b -> "messages/" + b).toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setDefaultLocale(Locale.ITALIAN);
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("LABIMPACT_LANG") {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, supported(locale));
            }
        };
        resolver.setDefaultLocaleFunction(request -> Collections.list(request.getLocales()).stream()
                .map(WebConfiguration::supported).filter(l -> l != null).findFirst().orElse(Locale.ITALIAN));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(true);
        return resolver;
    }

    /** The supported locale with the same language, or {@code null}. */
    static Locale supported(Locale locale) {
        return locale == null ? null : SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
