package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.StorageUnavailableException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Turns database failures into the domain's {@link StorageUnavailableException}. Its message names only the
 * SQL state: values (personal data) stay out of it.
 */
public final class StorageFailures {
    private StorageFailures() {
    }

    /** Runs a read; a failure caused by the database becomes {@link StorageUnavailableException}. */
    public static <T> T reading(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (sqlCause(e) == null) {
                throw e;
            }
            throw unavailable("database read failed", e);
        }
    }

    /** Runs a write (with its transaction); a failure caused by the database becomes {@link StorageUnavailableException}. */
    public static <T> T writing(Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (sqlCause(e) == null) {
                throw e;
            }
            throw unavailable("database write failed", e);
        }
    }

    public static StorageUnavailableException unavailable(String what, Throwable cause) {
        SQLException sql = sqlCause(cause);
        String state = sql == null || sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")";
        return new StorageUnavailableException(what + state, cause);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
