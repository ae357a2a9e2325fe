package it.labimpact.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A kept value is served while fresh, rebuilt by one request once expired, the old one served meanwhile. */
class RebuiltCacheTest {

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T10:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void forward(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    @Test
    void anExpiredValueIsRebuiltByOneRequestWhileTheOthersGetTheOldOne() throws Exception {
        Hands clock = new Hands();
        RebuiltCache<String, String> cache = new RebuiltCache<>(Duration.ofSeconds(30), 10, clock);
        AtomicInteger builds = new AtomicInteger();

        assertThat(cache.get("q", () -> "v" + builds.incrementAndGet())).isEqualTo("v1");
        clock.forward(Duration.ofSeconds(29));
        assertThat(cache.get("q", () -> "v" + builds.incrementAndGet())).as("still fresh").isEqualTo("v1");
        assertThat(builds).hasValue(1);

        clock.forward(Duration.ofSeconds(2));
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> rebuilder = CompletableFuture.supplyAsync(() -> cache.get("q", () -> {
            building.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "v" + builds.incrementAndGet();
        }));
        assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
        // while one request rebuilds, another is served the old value at once and builds nothing
        assertThat(cache.get("q", () -> "never")).isEqualTo("v1");
        release.countDown();
        assertThat(rebuilder.get(10, TimeUnit.SECONDS)).isEqualTo("v2");
        assertThat(cache.get("q", () -> "never")).as("the new value, fresh").isEqualTo("v2");
        assertThat(builds).hasValue(2);
    }

    @Test
    void keysAreKeptApartAndTheOldestGoBeyondTheCapacity() {
        Hands clock = new Hands();
        RebuiltCache<Integer, String> cache = new RebuiltCache<>(Duration.ofSeconds(30), 2, clock);
        cache.get(1, () -> "one");
        cache.get(2, () -> "two");
        assertThat(cache.get(1, () -> "other")).isEqualTo("one");
        clock.forward(Duration.ofSeconds(31));
        cache.get(3, () -> "three");
        // keys 1 and 2 had expired and made room: key 1 is built anew, not rebuilt from an old value
        assertThat(cache.get(1, () -> "one again")).isEqualTo("one again");
    }
}
