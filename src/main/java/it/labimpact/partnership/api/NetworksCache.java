package it.labimpact.partnership.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API's list of networks, serialised, kept while the partnership has not changed: an entry is used only for the
 * same page, the same partnership generation ({@link it.labimpact.partnership.Partnership#generation}: every change
 * of coverage, membership, network or organisation raises it in its own transaction), the same day (members count
 * while their membership has not ended) and for at most {@code labimpact.partnership.api-cache-seconds} (60 s: the
 * residents and third-country nationals of the comuni come from the territory's uploads, which the generation does
 * not see; 0: no cache). Each answer carries a strong ETag, the hash of its bytes.
 */
@Component
class NetworksCache {

    /** At most this many pages are kept; beyond, the cache is emptied. */
    static final int MAX_ENTRIES = 50;

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

    private record Entry(long generation, LocalDate day, long builtAt, Answer answer) {
    }

    private final long maxAgeNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    NetworksCache(@Value("${labimpact.partnership.api-cache-seconds:60}") long seconds) {
        this.maxAgeNanos = seconds * 1_000_000_000L;
    }

    /**
     * The answer for {@code page}: the kept one when it was built at the current generation, today and recently
     * enough, otherwise built now. The generation is read before the answer is built, so an answer built while a
     * change commits is kept under the generation before the change and is not used once the change is visible.
     */
    Answer answer(String page, LongSupplier generation, Supplier<byte[]> build) {
        long current = generation.getAsLong();
        LocalDate today = LocalDate.now();
        long now = System.nanoTime();
        Entry e = entries.get(page);
        if (e != null && e.generation() == current && e.day().equals(today) && now - e.builtAt() < maxAgeNanos) {
            return e.answer();
        }
        Answer built = Answer.of(build.get());
        if (maxAgeNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(page, new Entry(current, today, now, built));
        }
        return built;
    }
}
