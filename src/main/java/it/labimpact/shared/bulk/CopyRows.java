package it.labimpact.shared.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One {@code COPY table (columns) FROM STDIN} in text format, fed row by row: values are appended with the typed
 * {@code add…} methods, {@link #endRow()} closes a row, {@link #finish()} ends the COPY and returns the rows
 * written. Rows are buffered and sent in blocks of about a megabyte. Runs on the connection bound to the current
 * transaction (it must be one: a COPY outside a transaction would commit on its own), so that the rows commit or
 * roll back with everything else the caller writes. Not thread-safe.
 */
public final class CopyRows implements AutoCloseable {

    private static final int BLOCK = 1 << 20;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(256);
    private byte[] buffer = new byte[BLOCK + 4096];
    private int used;
    private boolean first = true;
    private long rows;
    private boolean finished;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on the current transaction's connection. */
    public static CopyRows into(DataSource dataSource, String table, String... columns) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("COPY into " + table + " outside a transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            return new CopyRows(pg.getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns)
                    + ") from stdin"));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " could not start", e);
        }
    }

    public CopyRows addNull() {
        separator();
        row.append("\\N");
        return this;
    }

    public CopyRows add(String value) {
        if (value == null) {
            return addNull();
        }
        separator();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    public CopyRows add(long value) {
        separator();
        row.append(value);
        return this;
    }

    public CopyRows add(Long value) {
        return value == null ? addNull() : add(value.longValue());
    }

    public CopyRows add(Integer value) {
        return value == null ? addNull() : add(value.longValue());
    }

    public CopyRows add(boolean value) {
        separator();
        row.append(value ? 't' : 'f');
        return this;
    }

    public CopyRows add(UUID value) {
        return value == null ? addNull() : addRaw(value.toString());
    }

    public CopyRows add(LocalDate value) {
        return value == null ? addNull() : addRaw(value.toString());
    }

    public CopyRows add(LocalTime value) {
        return value == null ? addNull() : addRaw(value.toString());
    }

    public CopyRows add(OffsetDateTime value) {
        return value == null ? addNull() : addRaw(value.toString());
    }

    /** A {@code bytea} value, in hex. */
    public CopyRows add(byte[] value) {
        if (value == null) {
            return addNull();
        }
        separator();
        row.append("\\\\x");
        for (byte b : value) {
            row.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return this;
    }

    /** A value written as given: only for text without backslashes, tabs or line breaks (numbers, codes). */
    public CopyRows addRaw(String value) {
        separator();
        row.append(value);
        return this;
    }

    public void endRow() {
        row.append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        row.setLength(0);
        first = true;
        rows++;
        if (used + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) {
                buffer = new byte[bytes.length];
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
        if (used >= BLOCK) {
            flush();
        }
    }

    /** Ends the COPY; returns the rows written. */
    public long finish() {
        flush();
        try {
            copy.endCopy();
            finished = true;
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
    }

    public long rows() {
        return rows;
    }

    /** Cancels a COPY that was not finished (after a failure). */
    @Override
    public void close() {
        if (!finished && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction fails anyway
            }
        }
    }

    private void separator() {
        if (!first) {
            row.append('\t');
        }
        first = false;
    }

    private void flush() {
        if (used == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer, 0, used);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
        used = 0;
    }
}
