package it.labimpact.shared.web;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, with each request thread formatting messages with arguments through its own
 * {@link MessageFormat}s. Spring's {@link ResourceBundleMessageSource} keeps one {@code MessageFormat} per message and
 * language and formats under a lock on it: under load, every request thread rendering the same message ("page 2 of
 * 40", a row's date) queued on that lock, and a thread holding it while the scheduler paused it held up all the others
 * (in profiles at 50 connections: 80–155 s of blocked time per 17 s on the lists; docs/benchmarks.md, run H). Messages
 * without arguments are read as before.
 */
class UncontendedMessageSource extends ResourceBundleMessageSource {

    private final ThreadLocal<Map<Locale, Map<String, MessageFormat>>> formats = ThreadLocal.withInitial(HashMap::new);

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        Map<String, MessageFormat> byCode = formats.get().computeIfAbsent(locale, l -> new HashMap<>());
        MessageFormat format = byCode.get(code);
        if (format == null) {
            String message = resolveCodeWithoutArguments(code, locale);
            if (message == null) {
                return null;
            }
            format = createMessageFormat(message, locale);
            byCode.put(code, format);
        }
        return format;
    }
}
