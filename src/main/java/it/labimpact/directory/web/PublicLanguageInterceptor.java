package it.labimpact.directory.web;

import it.labimpact.directory.PublicLanguage;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The visitor's language on the public pages, among the twelve of {@link PublicLanguage}: {@code ?lingua=} (then
 * remembered in a cookie for a year), else the cookie, else the browser's preference, else Italian. Staff pages
 * keep their own choice (Italian or English, {@code ?lang=}); this one never touches it.
 *
 * <p>The language becomes the request's locale, so templates use {@code #{...}} as everywhere else.
 */
class PublicLanguageInterceptor implements HandlerInterceptor {

    static final String COOKIE = "LABIMPACT_PUBLIC_LANG";
    static final String PARAM = "lingua";
    /** Request attribute: the {@link PublicLanguage} of this request. */
    static final String ATTRIBUTE = PublicLanguageInterceptor.class.getName() + ".language";
    /** Request attribute set when {@code ?lingua=} named a language not offered. */
    static final String UNKNOWN = PublicLanguageInterceptor.class.getName() + ".unknown";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        PublicLanguage language = resolve(request, response);
        request.setAttribute(ATTRIBUTE, language);
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, language.locale());
        response.addHeader("Vary", "Accept-Language, Cookie");
        return true;
    }

    private static PublicLanguage resolve(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter(PARAM);
        if (asked != null && !asked.isBlank()) {
            Optional<PublicLanguage> chosen = PublicLanguage.of(asked);
            if (chosen.isPresent()) {
                response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, chosen.get().tag()).path("/")
                        .maxAge(365L * 24 * 3600).sameSite("Lax").secure(request.isSecure()).httpOnly(true).build()
                        .toString());
                return chosen.get();
            }
            request.setAttribute(UNKNOWN, asked.length() > 40 ? asked.substring(0, 40) : asked);
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    Optional<PublicLanguage> remembered = PublicLanguage.of(c.getValue());
                    if (remembered.isPresent()) {
                        return remembered.get();
                    }
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            for (var locale : Collections.list(request.getLocales())) {
                Optional<PublicLanguage> preferred = PublicLanguage.of(locale);
                if (preferred.isPresent()) {
                    return preferred.get();
                }
            }
        }
        return PublicLanguage.IT;
    }

    static PublicLanguage of(HttpServletRequest request) {
        Object l = request.getAttribute(ATTRIBUTE);
        return l instanceof PublicLanguage p ? p : PublicLanguage.IT;
    }
}
