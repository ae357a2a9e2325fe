package it.labimpact.report.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders a template fragment of the current request to a string, as the page would render it (messages, links,
 * the model), so that a page can keep the HTML of a part that does not change from one request to the next. The
 * links are left as they are (no session id written into a URL): the HTML may serve other users.
 */
@Component
class FragmentRenderer {

    private final ViewResolver views;

    FragmentRenderer(org.thymeleaf.spring6.view.ThymeleafViewResolver views) {
        this.views = views;
    }

    /** {@code view}: a template name with a fragment ("report/dashboard-figures :: figures"). */
    String render(String view, Map<String, ?> model, Locale locale) {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder
                .currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        StringWriter out = new StringWriter();
        try {
            View v = views.resolveViewName(view, locale);
            if (v == null) {
                throw new IllegalStateException("No view " + view);
            }
            Capture capture = new Capture(response, new PrintWriter(out));
            v.render(model, request, capture);
            capture.writer.flush();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not render " + view, e);
        }
        return out.toString();
    }

    /** The response as the fragment sees it: its output goes to a string; the real response is left alone. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final PrintWriter writer;

        Capture(HttpServletResponse response, PrintWriter writer) {
            super(response);
            this.writer = writer;
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("A fragment is written as text");
        }

        @Override
        public void setContentType(String type) {
            // the page's content type, not the fragment's
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // the page's
        }

        @Override
        public void setLocale(Locale locale) {
            // the page's
        }

        @Override
        public void setContentLength(int len) {
            // the page's
        }

        @Override
        public void setContentLengthLong(long len) {
            // the page's
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public String encodeURL(String url) {
            return url;
        }

        @Override
        public String encodeRedirectURL(String url) {
            return url;
        }
    }
}
