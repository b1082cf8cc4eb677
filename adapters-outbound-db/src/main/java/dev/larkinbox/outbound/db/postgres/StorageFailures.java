package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.UnstorableEventException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Turns database failures into the domain's {@link StorageUnavailableException}. Its message names only the
 * SQL state: values (personal data) stay out of it.
 */
public final class StorageFailures {
    private static final String UNIQUE_VIOLATION = "23505";

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

    /**
     * True when the database refused the values written, not when it failed: data exceptions (class 22),
     * integrity violations (23) other than a unique violation (which a concurrent writer can cause), and
     * program limits such as an index row too large (54). Anything else (connection, timeout, shutdown) is the
     * store being unavailable.
     */
    static boolean refusedValues(Throwable e) {
        SQLException sql = sqlCause(e);
        String state = sql == null ? null : sql.getSQLState();
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("22") || state.startsWith("54")
                || state.startsWith("23") && !state.equals(UNIQUE_VIOLATION);
    }

    static UnstorableEventException unstorable(Throwable cause) {
        return new UnstorableEventException("the database refused the event's values (SQL state "
                + sqlCause(cause).getSQLState() + ")", cause);
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
