package it.labimpact.directory.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The public pages choose their language among the directory's twelve; staff pages are left alone. */
@Configuration(proxyBeanMethods = false)
class DirectoryWebConfiguration implements WebMvcConfigurer {

    /** The public pages of the directory. */
    static final String[] PUBLIC_PATHS = {"/servizi", "/servizi/**", "/eventi", "/eventi/**", "/sitemap.xml"};

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PublicLanguageInterceptor()).addPathPatterns(PUBLIC_PATHS);
    }
}
