package it.labimpact.indicator.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API's indicator values, serialised, kept while the data they were computed from has not changed: an entry is
 * used only for the same question (period, network, indicators, breakdowns, day), the same version of the indicator
 * store ({@link it.labimpact.indicator.Indicators#dataVersion}: every saved register, enrolment, assessment... changes
 * it) and for at most {@code labimpact.indicators.api-cache-seconds} (values that do not come from the store, such as
 * the activities' or the cooperation's, change without the version; 0: no cache). Concurrent requests for the same
 * answer wait for one computation. Each answer carries a strong ETag, the hash of its bytes.
 */
@Component
class ValuesCache {

    /** At most this many answers are kept; beyond, the cache is emptied (answers differ by period and network). */
    static final int MAX_ENTRIES = 200;

    /** A serialised answer and its ETag (quoted). */
    record Answer(byte[] body, String etag) {

        static Answer of(byte[] body) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
                return new Answer(body, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Entry(long version, long builtAt, Answer answer) {
    }

    private final long maxAgeNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> building = new ConcurrentHashMap<>();

    ValuesCache(@Value("${labimpact.indicators.api-cache-seconds:60}") long seconds) {
        this.maxAgeNanos = seconds * 1_000_000_000L;
    }

    /**
     * The answer to {@code question} at data {@code version}: the kept one when it is still valid, otherwise built
     * (once, whatever the number of concurrent requests) and kept.
     */
    Answer answer(String question, long version, Supplier<byte[]> build) {
        if (maxAgeNanos <= 0) {
            return Answer.of(build.get());
        }
        Entry e = valid(question, version);
        if (e != null) {
            return e.answer();
        }
        Object lock = building.computeIfAbsent(question, k -> new Object());
        synchronized (lock) {
            e = valid(question, version);
            if (e == null) {
                e = new Entry(version, System.nanoTime(), Answer.of(build.get()));
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                    building.clear();
                }
                entries.put(question, e);
            }
            return e.answer();
        }
    }

    private Entry valid(String question, long version) {
        Entry e = entries.get(question);
        return e != null && e.version() == version && System.nanoTime() - e.builtAt() < maxAgeNanos ? e : null;
    }

    /** The question as a key: its parts joined by a character none of them contains. */
    static String question(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p).append('\u0001');
        }
        return b.toString();
    }
}
