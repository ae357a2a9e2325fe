package it.labimpact.imports;

import java.time.Instant;

/**
 * An upload and its progress: who sent which file (by name and SHA-256) for which network, and the rows counted so
 * far. {@code problemKey} is set when the whole file was refused (too large, unreadable, missing column).
 */
public record ImportJob(long id, String networkCode, String username, ImportKind kind, ImportMode mode,
        String fileName, String sha256, long fileBytes, ImportStatus status, String problemKey, Object[] problemArgs,
        int rowsTotal, int rowsDone, int rowsAccepted, int rowsRejected, int rowsPresent, Instant startedAt,
        Instant finishedAt) {

    /** Rows done as a percentage of the rows read, for the progress bar. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return rowsTotal == 0 ? 0 : Math.min(100, rowsDone * 100 / rowsTotal);
    }
}
