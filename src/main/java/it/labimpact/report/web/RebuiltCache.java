package it.labimpact.report.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values that are expensive to build, kept for a while and rebuilt by one request at a time. The first request for
 * a key builds it and concurrent requests for the same key wait for that build. Once a value is older than the
 * keeping time, the next request rebuilds it while the others go on receiving the old value until the new one is
 * in: under load nobody waits for a rebuild but the request that makes it. So a value is at most the keeping time
 * plus one build old. At most {@code capacity} keys are kept; beyond, the expired ones go, then all.
 */
final class RebuiltCache<K, V> {

    private record Kept<V>(Instant at, V value) {
    }

    private final Duration keep;
    private final int capacity;
    private final Clock clock;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Set<K> rebuilding = ConcurrentHashMap.newKeySet();

    RebuiltCache(Duration keep, int capacity, Clock clock) {
        this.keep = keep;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The value kept for the key, built (or rebuilt) by {@code build} when missing or expired. */
    V get(K key, Supplier<V> build) {
        Instant now = clock.instant();
        Kept<V> current = kept.get(key);
        if (current != null && !expired(current, now)) {
            return current.value();
        }
        if (current != null) {
            if (!rebuilding.add(key)) {
                return current.value();
            }
            try {
                V value = build.get();
                kept.put(key, new Kept<>(clock.instant(), value));
                return value;
            } finally {
                rebuilding.remove(key);
            }
        }
        makeRoom(now);
        return kept.computeIfAbsent(key, k -> new Kept<>(clock.instant(), build.get())).value();
    }

    private boolean expired(Kept<V> k, Instant now) {
        return !k.at().plus(keep).isAfter(now);
    }

    private void makeRoom(Instant now) {
        if (kept.size() >= capacity) {
            kept.values().removeIf(k -> expired(k, now));
            if (kept.size() >= capacity) {
                kept.clear();
            }
        }
    }
}
