package dev.larkinbox.outbound.db.postgres;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.domain.event.UnstorableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores events with group commit: writes that arrive while transactions commit wait in a bounded queue, and the
 * next free committer (each on its own connection) takes them all into its next transaction. A second transaction
 * starts while one is under way only once half a batch waits: then one batch is written while the one before waits
 * for its flush to disk; fewer writes wait for the transaction under way and go together in the next, since each
 * transaction costs the database and this service far more than a row. A batch is written in one statement
 * ({@link Statements}), its events in the order of their ids (two committers or two instances storing the same
 * events then take their row locks in the same order and cannot deadlock). A write's future completes once its own
 * transaction committed. When the database refuses the values of a batch, its writes are run again one per
 * transaction, so that only the write that caused it fails (as unstorable); when the database fails, every write of
 * the batch fails and nothing of it is stored. A write whose caller stopped waiting is not run: its event comes
 * again from Lark.
 */
@Singleton
public class EventWrites {
    private static final Logger LOG = LoggerFactory.getLogger(EventWrites.class);
    /** How long a gathering committer waits at most before it looks at the queue again. */
    private static final long GATHER_LOOK_MILLIS = 1;

    /** Writes a batch, in event-id order, in the transaction of the given connection. */
    @FunctionalInterface
    public interface Statements {
        /** @return what became of each write, in the batch's order */
        List<StoredWrite> store(Connection connection, List<EventWrite> batch) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;
    private final Statements statements;
    private final GroupCommitConfig config;
    private final BlockingQueue<PendingWrite> queue;
    private final GroupCommitMetrics metrics;
    private final Thread[] committers;
    /** Transactions under way; its monitor is notified whenever one ends. */
    private final AtomicInteger committing = new AtomicInteger();
    private volatile boolean closed;

    /** @param metrics where batch sizes, commit latencies and the queue's depth are told; null: nowhere */
    @Inject
    public EventWrites(TransactionOperations<Connection> transactions, Statements statements,
                       GroupCommitConfig config, @Nullable MeterRegistry metrics) {
        this.transactions = transactions;
        this.statements = statements;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.maxQueued());
        this.committers = new Thread[config.committers()];
        this.metrics = new GroupCommitMetrics(metrics, queue);
    }

    @PostConstruct
    synchronized void start() {
        for (int i = 0; i < committers.length; i++) {
            start(i);
        }
    }

    private synchronized void start(int slot) {
        if (closed) {
            return;
        }
        Thread thread = new Thread(this::commitBatches, "event-group-commit-" + slot);
        thread.setDaemon(true);
        // the loop survives any failure of a batch; should the thread end anyway, a new one takes over
        thread.setUncaughtExceptionHandler((t, e) -> {
            LOG.error("group commit thread ended by {}: starting a new one", e.getClass().getName());
            start(slot);
        });
        committers[slot] = thread;
        thread.start();
    }

    /** Stops taking writes; a write not yet committed fails. */
    @PreDestroy
    void stop() throws InterruptedException {
        closed = true;
        for (Thread thread : committers) {
            thread.interrupt();
        }
        for (Thread thread : committers) {
            thread.join(config.maxWait().toMillis());
        }
        failQueued();
    }

    /**
     * Stores the event in a transaction, possibly shared with concurrent writes, and returns what became of it
     * once committed.
     *
     * @throws StorageUnavailableException when it was not committed in time, or too many writes wait
     * @throws UnstorableEventException     when the database refused this write's own values
     */
    public Delivery commit(EventWrite write) {
        CompletableFuture<StoredWrite> queued = enqueue(write);
        try {
            return answered(queued).get().delivery();
        } catch (ExecutionException e) {
            // a new exception, so that the caller's stack shows where it was thrown
            if (e.getCause() instanceof UnstorableEventException refused) {
                throw new UnstorableEventException(refused.getMessage(), refused);
            }
            throw new StorageUnavailableException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            // its write is then left out, as if its time were up
            queued.complete(null);
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("event not stored: interrupted", e);
        }
    }

    /**
     * As {@link #commit}, without a thread waiting: the future completes once the event is committed, or
     * exceptionally with {@link StorageUnavailableException} (within {@code max-wait}) or
     * {@link UnstorableEventException}.
     */
    public CompletableFuture<Delivery> submit(EventWrite write) {
        return submitStored(write).thenApply(StoredWrite::delivery);
    }

    /** As {@link #submit}, also telling whether a status awaits the feedback written. */
    public CompletableFuture<StoredWrite> submitStored(EventWrite write) {
        return answered(enqueue(write));
    }

    /** @return completed with null when its time is up: the committers then leave it out */
    private CompletableFuture<StoredWrite> enqueue(EventWrite write) {
        if (closed) {
            return CompletableFuture.failedFuture(
                    new StorageUnavailableException("event not stored: the store is shutting down", null));
        }
        var pending = new PendingWrite(write, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            return CompletableFuture.failedFuture(new StorageUnavailableException("event not stored: "
                    + config.maxQueued() + " events already wait for the database", null));
        }
        return pending.result().completeOnTimeout(null, config.maxWait().toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<StoredWrite> answered(CompletableFuture<StoredWrite> queued) {
        return queued.thenApply(stored -> {
            if (stored == null) {
                throw new StorageUnavailableException("event not stored: no commit within " + config.maxWait(),
                        null);
            }
            return stored;
        });
    }

    /** How many writes wait for the next transaction. */
    public int waiting() {
        return queue.size();
    }

    /** Whether writes are being committed: a committer thread runs. */
    public boolean running() {
        if (closed) {
            return false;
        }
        for (Thread thread : committers) {
            if (thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private void commitBatches() {
        List<PendingWrite> batch = new ArrayList<>(config.maxBatch());
        while (!closed) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, config.maxBatch() - 1);
                gatherWhileAnotherCommits(batch);
                // a caller already answered "unavailable" is not kept waiting behind, nor stored for nobody
                batch.removeIf(w -> w.result().isDone());
                batch.sort(Comparator.comparing(w -> w.write().eventId()));
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

    /**
     * While another transaction is under way and less than half a batch waits, takes what arrives until that
     * transaction ends or half a batch is here.
     */
    private void gatherWhileAnotherCommits(List<PendingWrite> batch) throws InterruptedException {
        int half = Math.max(1, config.maxBatch() / 2);
        while (batch.size() < half && committing.get() > 0 && !closed) {
            // woken when that transaction ends, else after a moment to see whether half a batch is here
            synchronized (committing) {
                if (committing.get() > 0) {
                    committing.wait(GATHER_LOOK_MILLIS);
                }
            }
            queue.drainTo(batch, config.maxBatch() - batch.size());
        }
    }

    private void commit(List<PendingWrite> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        committing.incrementAndGet();
        try {
            commitCounted(batch, answers);
        } finally {
            committing.decrementAndGet();
            synchronized (committing) {
                committing.notifyAll();
            }
        }
        // Answered once the transaction has ended, so that the next one is not held up: a write's future runs
        // what waits on it (a request's answer, through the web framework) on this thread.
        answers.forEach(Runnable::run);
    }

    /** Runs the batch's transaction(s) and adds how each write is to be answered. */
    private void commitCounted(List<PendingWrite> batch, List<Runnable> answers) {
        List<StoredWrite> deliveries;
        long began = System.nanoTime();
        try {
            List<EventWrite> writes = batch.stream().map(PendingWrite::write).toList();
            deliveries = transactions.executeWrite(status -> statements.store(status.getConnection(), writes));
            metrics.committed(batch.size(), began);
        } catch (Exception e) {
            // the statements' SQLException comes out of the transaction as it was thrown: checked, unwrapped
            boolean refused = StorageFailures.refusedValues(e);
            if (refused && batch.size() > 1) {
                // one write's values failed the transaction: alone, each of the others commits
                batch.forEach(w -> commitCounted(List.of(w), answers));
                return;
            }
            RuntimeException failure = refused ? StorageFailures.unstorable(e)
                    : StorageFailures.unavailable("event not stored", e);
            batch.forEach(w -> answers.add(() -> w.result().completeExceptionally(failure)));
            return;
        } catch (Error e) {
            // an Error (a bug, a stack overflow) fails its batch like an exception: the committer goes on.
            // Its message may quote an event: only its kind is told.
            LOG.error("group commit failed with {}: its {} events are answered unavailable", e.getClass().getName(),
                    batch.size());
            var failure = new StorageUnavailableException("event not stored: " + e.getClass().getName(), null);
            batch.forEach(w -> answers.add(() -> w.result().completeExceptionally(failure)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            PendingWrite write = batch.get(i);
            StoredWrite stored = deliveries.get(i);
            answers.add(() -> write.result().complete(stored));
        }
    }

    private void failQueued() {
        var failure = new StorageUnavailableException("event not stored: the store is shutting down", null);
        for (PendingWrite w = queue.poll(); w != null; w = queue.poll()) {
            w.result().completeExceptionally(failure);
        }
    }

    private record PendingWrite(EventWrite write, CompletableFuture<StoredWrite> result) {
    }
}
