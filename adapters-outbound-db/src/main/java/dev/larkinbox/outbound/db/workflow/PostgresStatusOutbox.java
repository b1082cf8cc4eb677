package dev.larkinbox.outbound.db.workflow;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.sync.StatusOutbox;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in PostgreSQL. A claim locks due rows with {@code FOR UPDATE SKIP LOCKED} and moves their due time to
 * the end of the lease before it commits, so that instances sharing the database never send the same row at once.
 */
@Singleton
public class PostgresStatusOutbox implements StatusOutbox {
    private final OutboxRepository outbox;
    private final TransactionOperations<Connection> transactions;

    public PostgresStatusOutbox(OutboxRepository outbox, TransactionOperations<Connection> transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    public List<PendingSync> claimDue(Instant now, Instant leaseUntil, int max) {
        return StorageFailures.writing(() -> transactions.executeWrite(status -> {
            List<OutboxRow> due = outbox.lockDue(now, max);
            due.forEach(row -> outbox.lease(row.id(), leaseUntil));
            return due.stream().map(OutboxRow::toDomain).toList();
        }));
    }

    @Override
    public void delivered(long id, Instant at) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> outbox.delivered(id, at)));
    }

    @Override
    public void retryLater(long id, boolean refused, Instant nextAttemptAt, String error) {
        StorageFailures.writing(() -> transactions.executeWrite(
                status -> outbox.retryLater(id, refused ? 1 : 0, nextAttemptAt, storable(error))));
    }

    @Override
    public void release(long id, Instant at) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> outbox.lease(id, at)));
    }

    @Override
    public void abandon(long id, Instant at, String error) {
        StorageFailures.writing(() -> transactions.executeWrite(status -> outbox.abandon(id, at, storable(error))));
    }

    @Override
    public boolean hasPending(String feedbackId) {
        return StorageFailures.reading(() -> outbox.countPending(storable(feedbackId))) > 0;
    }

    @Override
    public Optional<Instant> lastDelivered(String feedbackId) {
        return StorageFailures.reading(() -> outbox.lastDelivered(storable(feedbackId))).stream().findFirst();
    }
}
