package it.labimpact.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Uploaded files, held in memory for a while so that the report can show the original rows beside their problems.
 * They hold personal data, so they are never written to the database and are dropped after
 * {@link ImportSettings#keepFileMinutes()}, the oldest first beyond {@link #MAX_HELD} files; the report without them
 * still lists line, column and reason.
 */
@Component
class HeldFiles {

    /** A file with what was chosen beside it, so that a validated file can be committed without a new upload. */
    record Upload(byte[] bytes, Long organisationId, Integer consentNoticeVersion) {

        Upload(byte[] bytes, long organisationId, int consentNoticeVersion) {
            this(bytes, Long.valueOf(organisationId), Integer.valueOf(consentNoticeVersion));
        }
    }

    private record Held(Upload upload, Instant until) {
    }

    /** Files held at most: with the size limit, a bound on the memory they take. */
    static final int MAX_HELD = 20;

    private final Map<Long, Held> files = new ConcurrentHashMap<>();
    private final Duration keep;
    private final Clock clock = Clock.systemUTC();

    HeldFiles(ImportSettings settings) {
        this.keep = Duration.ofMinutes(settings.keepFileMinutes());
    }

    void hold(long jobId, Upload upload) {
        dropExpired();
        files.put(jobId, new Held(upload, Instant.now(clock).plus(keep)));
        while (files.size() > MAX_HELD) {
            files.keySet().stream().min(Long::compare).ifPresent(files::remove);
        }
    }

    Optional<Upload> get(long jobId) {
        dropExpired();
        return Optional.ofNullable(files.get(jobId)).map(Held::upload);
    }

    private void dropExpired() {
        Instant now = Instant.now(clock);
        files.values().removeIf(h -> h.until().isBefore(now));
    }
}
