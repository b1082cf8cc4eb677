package dev.larkinbox.outbound.db.postgres;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.sync.Outbox;
import dev.larkinbox.domain.sync.OutboxEntry;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An outbox table in PostgreSQL, leased the same way for every outbox: a claim locks due rows with
 * {@code FOR UPDATE SKIP LOCKED} and moves their due time to the end of the lease before it commits, so that
 * instances sharing the database never send the same row at once. Only the oldest pending row of a feedback is
 * claimed. The table has the columns {@code id, feedback_id, attempts, refusals, next_attempt_at, last_error,
 * delivered_at, abandoned_at}; a row is pending while neither delivered nor abandoned.
 *
 * @param <E> a claimed row, as the domain names it
 */
public abstract class LeasedOutbox<E extends OutboxEntry> implements Outbox<E> {

    /** Reads one claimed row. */
    @FunctionalInterface
    public interface RowReader<E> {
        E read(ResultSet row) throws SQLException;
    }

    private final String table;
    private final String lockDue;
    private final RowReader<E> reader;
    private final TransactionOperations<Connection> transactions;

    /**
     * @param table   the table's name: a constant of this module, never input
     * @param columns what a claim reads of a row {@code o}, a constant too (it may read other rows)
     */
    protected LeasedOutbox(String table, String columns, RowReader<E> reader,
                           TransactionOperations<Connection> transactions) {
        this.table = Objects.requireNonNull(table, "table");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        // a younger row of a feedback whose elder another worker is claiming right now is excluded: its elder is
        // still pending
        this.lockDue = "SELECT " + columns + " FROM " + table + " o"
                + " WHERE o.delivered_at IS NULL AND o.abandoned_at IS NULL AND o.next_attempt_at <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " e WHERE e.feedback_id = o.feedback_id AND e.id < o.id"
                + " AND e.delivered_at IS NULL AND e.abandoned_at IS NULL)"
                + " ORDER BY o.id LIMIT ? FOR UPDATE OF o SKIP LOCKED";
    }

    @Override
    public List<E> claimDue(Instant now, Instant leaseUntil, int max) {
        return StorageFailures.writing(() -> transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<E> due = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            new OneStatement().sql(lockDue, values -> values.instant(now).integer(max)).query(connection, row -> {
                ids.add(row.getLong("id"));
                due.add(reader.read(row));
            });
            for (long id : ids) {
                setting(id, "next_attempt_at = ?", values -> values.instant(leaseUntil)).update(connection);
            }
            return due;
        }));
    }

    @Override
    public void delivered(long id, Instant at) {
        write(id, "delivered_at = ?", values -> values.instant(at));
    }

    @Override
    public void retryLater(long id, boolean refused, Instant nextAttemptAt, String error) {
        write(id, "attempts = attempts + 1, refusals = refusals + ?, next_attempt_at = ?, last_error = ?",
                values -> values.integer(refused ? 1 : 0).instant(nextAttemptAt).text(storable(error)));
    }

    @Override
    public void release(long id, Instant at) {
        write(id, "next_attempt_at = ?", values -> values.instant(at));
    }

    @Override
    public void abandon(long id, Instant at, Reason why) {
        // keyed, so that a page reads it in its reader's language (PostgresReasons.ofStored)
        write(id, "attempts = attempts + 1, refusals = refusals + 1, abandoned_at = ?, last_error = ?",
                values -> values.instant(at).text(PostgresReasons.stored(why)));
    }

    /** Sets columns of one row in a transaction of its own. */
    private void write(long id, String assignments, OneStatement.Binding values) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> {
            setting(id, assignments, values).update(status.getConnection());
            return null;
        }));
    }

    /** @param assignments a constant of this class, never input */
    private OneStatement setting(long id, String assignments, OneStatement.Binding values) {
        return new OneStatement().sql("UPDATE " + table + " SET " + assignments + " WHERE id = ?", v -> {
            values.bind(v);
            v.bigint(id);
        });
    }
}
