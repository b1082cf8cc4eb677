package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.UnstorableEventException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores events with group commit: writes that arrive while a transaction commits wait in a bounded queue,
 * and one committer thread runs them together in the next transaction, ordered by event id (two instances
 * storing the same events then take their row locks in the same order and cannot deadlock). A caller
 * returns once its transaction committed. When the database refuses the values of a batch, its writes are
 * run again one per transaction, so that only the write that caused it fails (as unstorable); when the
 * database fails, every write of the batch fails and nothing of it is stored. Writes in one transaction see
 * each other, so a duplicate inside a batch is found like any other. A write whose caller stopped waiting is
 * not run: its event comes again from Lark.
 */
@Singleton
public class EventWrites {
    private static final Logger LOG = LoggerFactory.getLogger(EventWrites.class);

    private final TransactionOperations<Connection> transactions;
    private final GroupCommitConfig config;
    private final BlockingQueue<PendingWrite> queue;
    private final DistributionSummary batchSizes;
    private final Timer commits;
    private volatile Thread committer;
    private volatile boolean closed;

    /** @param metrics where batch sizes, commit latencies and the queue's depth are told; null: nowhere */
    @Inject
    public EventWrites(TransactionOperations<Connection> transactions, GroupCommitConfig config,
                       @Nullable MeterRegistry metrics) {
        this.transactions = transactions;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.maxQueued());
        MeterRegistry registry = metrics == null ? new SimpleMeterRegistry() : metrics;
        batchSizes = DistributionSummary.builder("inbox.store.commit.batch.size")
                .description("events committed in one transaction").register(registry);
        commits = Timer.builder("inbox.store.commit.latency")
                .description("time of one group-commit transaction").register(registry);
        Gauge.builder("inbox.store.queue.depth", queue, BlockingQueue::size)
                .description("events waiting for the next transaction").register(registry);
    }

    public EventWrites(TransactionOperations<Connection> transactions, GroupCommitConfig config) {
        this(transactions, config, null);
    }

    @PostConstruct
    synchronized void start() {
        Thread thread = new Thread(this::commitBatches, "event-group-commit");
        thread.setDaemon(true);
        // the loop survives any failure of a batch; should the thread end anyway, a new one takes over
        thread.setUncaughtExceptionHandler((t, e) -> {
            LOG.error("group commit thread ended by {}: starting a new one", e.getClass().getName());
            restart();
        });
        committer = thread;
        thread.start();
    }

    private synchronized void restart() {
        if (!closed) {
            start();
        }
    }

    /** Stops taking writes; a write not yet committed fails. */
    @PreDestroy
    void stop() throws InterruptedException {
        closed = true;
        Thread thread = committer;
        thread.interrupt();
        thread.join(config.maxWait().toMillis());
        failQueued();
    }

    /**
     * Runs the write in a transaction, possibly shared with concurrent writes, and returns what it decided
     * once committed.
     *
     * @param eventId the event the write stores: writes of one transaction run in the order of their ids
     * @param write   the statements storing one event; it must leave the database as it found it when it
     *                decides {@link Delivery#DUPLICATE}, and must not catch SQL failures
     * @throws StorageUnavailableException when it was not committed in time, or too many writes wait
     * @throws UnstorableEventException     when the database refused this write's own values
     */
    public Delivery commit(String eventId, Supplier<Delivery> write) {
        if (closed) {
            throw new StorageUnavailableException("event not stored: the store is shutting down", null);
        }
        var pending = new PendingWrite(eventId, write, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new StorageUnavailableException("event not stored: " + config.maxQueued()
                    + " events already wait for the database", null);
        }
        try {
            return pending.result().get(config.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // a new exception, so that the caller's stack shows where it was thrown
            if (e.getCause() instanceof UnstorableEventException refused) {
                throw new UnstorableEventException(refused.getMessage(), refused);
            }
            throw new StorageUnavailableException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            pending.giveUp(e);
            throw new StorageUnavailableException("event not stored: no commit within " + config.maxWait(), e);
        } catch (InterruptedException e) {
            pending.giveUp(e);
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("event not stored: interrupted", e);
        }
    }

    /** How many writes wait for the next transaction. */
    public int waiting() {
        return queue.size();
    }

    /** Whether writes are being committed: the committer thread runs. */
    public boolean running() {
        return !closed && committer.isAlive();
    }

    private void commitBatches() {
        List<PendingWrite> batch = new ArrayList<>(config.maxBatch());
        while (!closed) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, config.maxBatch() - 1);
                // a caller already answered "unavailable" is not kept waiting behind, nor stored for nobody
                batch.removeIf(w -> w.result().isDone());
                batch.sort(Comparator.comparing(PendingWrite::eventId));
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<PendingWrite> batch) {
        List<Delivery> deliveries;
        long began = System.nanoTime();
        try {
            deliveries = transactions.executeWrite(status -> batch.stream().map(w -> w.write().get()).toList());
            commits.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
            batchSizes.record(batch.size());
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
        } catch (Error e) {
            // an Error (a bug, a stack overflow) fails its batch like an exception: the committer goes on.
            // Its message may quote an event: only its kind is told.
            LOG.error("group commit failed with {}: its {} events are answered unavailable", e.getClass().getName(),
                    batch.size());
            var failure = new StorageUnavailableException("event not stored: " + e.getClass().getName(), null);
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

    private record PendingWrite(String eventId, Supplier<Delivery> write, CompletableFuture<Delivery> result) {
        void giveUp(Exception why) {
            result.completeExceptionally(why);
        }
    }
}
