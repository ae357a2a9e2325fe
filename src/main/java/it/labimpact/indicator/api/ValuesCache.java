package it.labimpact.indicator.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API's indicator values, serialised, kept while the data they were computed from has not changed: an entry is
 * used only for the same question (period, network, indicators, breakdowns, day), the same version of the data
 * ({@link it.labimpact.indicator.Indicators#dataVersion}: the store's generation, which every saved register,
 * enrolment, assessment... changes, the things' generation, which every write to activities, organisations,
 * membership, coverage, meetings, agreements, referrals or trainings changes, and the catalogue) and for at most
 * {@code labimpact.indicators.api-cache-seconds} (every value is now covered by the version, so the bound is a
 * safety margin rather than what keeps answers exact; 0: no cache). Concurrent requests for the same answer wait for
 * one computation. Each answer carries a strong ETag, the hash of its bytes.
 */
@Component
class ValuesCache {

    /** At most this many answers are kept; beyond, the cache is emptied (answers differ by period and network). */
    static final int MAX_ENTRIES = 200;

    /**
     * A serialised answer, its ETag (quoted) and, made the first time a client asks for it, its gzip-compressed copy
     * (the server's compression would compress the 1.4 MB of every answer again at every request; it also leaves
     * alone an answer with a strong ETag).
     */
    record Answer(byte[] body, String etag, AtomicReference<byte[]> gzipped) {

        static Answer of(byte[] body) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
                return new Answer(body, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"", new AtomicReference<>());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The ETag of the compressed copy: another representation, another ETag. */
        String gzipEtag() {
            return etag.substring(0, etag.length() - 1) + "-gzip\"";
        }

        byte[] gzip() {
            byte[] g = gzipped.get();
            if (g == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8);
                try (GZIPOutputStream z = new GZIPOutputStream(out, 65536)) {
                    z.write(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                g = out.toByteArray();
                gzipped.compareAndSet(null, g);
            }
            return g;
        }
    }

    private record Entry(String version, long builtAt, Answer answer) {
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
    Answer answer(String question, String version, Supplier<byte[]> build) {
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

    private Entry valid(String question, String version) {
        Entry e = entries.get(question);
        return e != null && e.version().equals(version) && System.nanoTime() - e.builtAt() < maxAgeNanos ? e : null;
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
