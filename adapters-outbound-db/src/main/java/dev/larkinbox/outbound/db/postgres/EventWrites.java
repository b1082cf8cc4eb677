package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.UnstorableEventException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Stores events with group commit: writes that arrive while a transaction commits wait in a queue, and one
 * committer thread runs them together in the next transaction, in arrival order. A caller returns once its
 * transaction committed. When the database refuses the values of a batch, its writes are run again one per
 * transaction, so that only the write that caused it fails (as unstorable); when the database fails, every
 * write of the batch fails and nothing of it is stored. Writes in one transaction see each other, so a
 * duplicate inside a batch is found like any other.
 */
@Singleton
public class EventWrites {
    private final TransactionOperations<Connection> transactions;
    private final int maxBatch;
    private final Duration maxWait;
    private final BlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final Thread committer = new Thread(this::commitBatches, "event-group-commit");
    private volatile boolean closed;

    public EventWrites(TransactionOperations<Connection> transactions, GroupCommitConfig config) {
        this.transactions = transactions;
        this.maxBatch = config.maxBatch();
        this.maxWait = config.maxWait();
        committer.setDaemon(true);
    }

    @PostConstruct
    void start() {
        committer.start();
    }

    /** Stops taking writes; a write not yet committed fails. */
    @PreDestroy
    void stop() throws InterruptedException {
        closed = true;
        committer.interrupt();
        committer.join(maxWait.toMillis());
        failQueued();
    }

    /**
     * Runs the write in a transaction, possibly shared with concurrent writes, and returns what it decided
     * once committed.
     *
     * @param write the statements storing one event; it must leave the database as it found it when it
     *              decides {@link Delivery#DUPLICATE}, and must not catch SQL failures
     * @throws StorageUnavailableException when it was not committed in time
     * @throws UnstorableEventException     when the database refused this write's own values
     */
    public Delivery commit(Supplier<Delivery> write) {
        if (closed) {
            throw new StorageUnavailableException("event not stored: the store is shutting down", null);
        }
        var pending = new PendingWrite(write, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // a new exception, so that the caller's stack shows where it was thrown
            if (e.getCause() instanceof UnstorableEventException refused) {
                throw new UnstorableEventException(refused.getMessage(), refused);
            }
            throw new StorageUnavailableException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StorageUnavailableException("event not stored: no commit within " + maxWait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("event not stored: interrupted", e);
        }
    }

    /** How many writes wait for the next transaction. */
    int waiting() {
        return queue.size();
    }

    private void commitBatches() {
        List<PendingWrite> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<PendingWrite> batch) {
        List<Delivery> deliveries;
        try {
            deliveries = transactions.executeWrite(status -> batch.stream().map(w -> w.write().get()).toList());
        } catch (RuntimeException e) {
            boolean refused = StorageFailures.refusedValues(e);
            if (refused && batch.size() > 1) {
                // one write's values failed the transaction: alone, each of the others commits
                batch.forEach(w -> commit(List.of(w)));
                return;
            }
            RuntimeException failure = refused ? StorageFailures.unstorable(e)
                    : StorageFailures.unavailable("event not stored", e);
            batch.forEach(w -> w.result().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(deliveries.get(i));
        }
    }

    private void failQueued() {
        var failure = new StorageUnavailableException("event not stored: the store is shutting down", null);
        for (PendingWrite w = queue.poll(); w != null; w = queue.poll()) {
            w.result().completeExceptionally(failure);
        }
    }

    private record PendingWrite(Supplier<Delivery> write, CompletableFuture<Delivery> result) {
    }
}
