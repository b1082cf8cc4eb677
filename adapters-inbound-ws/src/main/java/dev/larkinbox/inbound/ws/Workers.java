package dev.larkinbox.inbound.ws;

import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.inbound.lark.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that take messages from the {@link WorkQueue}, hand each to the {@link EventSink} and acknowledge
 * it, on the connection it came by, once its future says it is stored. A worker does not wait for the commit:
 * up to {@code inFlight} events are being stored at once, so that they share transactions. The acks are built and
 * sent by a thread of their own: a store completes its futures on the thread that committed, which should go on to
 * the next transaction rather than write a batch's acks to the socket one by one. Nothing a sink throws ends a
 * worker.
 */
final class Workers {
    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final int count;
    private final WorkQueue queue;
    private final EventSink sink;
    private final BooleanSupplier closed;
    private final ExecutorService pool;
    private final ExecutorService acks = Executors.newSingleThreadExecutor(Threads.daemon("lark-ws-ack"));
    private final AtomicInteger busy = new AtomicInteger();
    private final Semaphore inFlight;

    /** @param inFlight how many events may be being stored at once */
    Workers(int count, int inFlight, WorkQueue queue, EventSink sink, BooleanSupplier closed) {
        this.count = count;
        this.inFlight = new Semaphore(inFlight);
        this.queue = queue;
        this.sink = sink;
        this.closed = closed;
        this.pool = Executors.newFixedThreadPool(count, Threads.daemon("lark-ws-worker-"));
    }

    void start() {
        for (int i = 0; i < count; i++) {
            pool.execute(this::work);
        }
    }

    /** Lets the messages being stored finish and be acked, for at most {@code grace}, then ends the workers. */
    void stop(Duration grace) {
        long graceEnd = System.nanoTime() + grace.toNanos();
        while (busy.get() > 0 && System.nanoTime() - graceEnd < 0 && pause()) {
            // events being stored finish and are acked
        }
        Threads.stop(pool);
        Threads.stop(acks);
    }

    private void work() {
        while (!closed.getAsBoolean()) {
            ReceivedMessage message;
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                message = queue.take();
            } catch (InterruptedException e) {
                inFlight.release();
                return;
            }
            if (closed.getAsBoolean()) {
                inFlight.release();
                return;
            }
            busy.incrementAndGet();
            long start = System.nanoTime();
            store(message).whenCompleteAsync((answer, never) -> {
                try {
                    message.connection().send(Frames.ack(message.frame(), answer,
                            (System.nanoTime() - start) / 1_000_000));
                } finally {
                    busy.decrementAndGet();
                    inFlight.release();
                }
            }, this::ack);
        }
    }

    /** Runs on the ack thread what acknowledges an event; nothing once closed (Lark delivers it again). */
    private void ack(Runnable send) {
        try {
            acks.execute(send);
        } catch (RejectedExecutionException e) {
            // never thrown at the thread that committed, which has other events to answer
        }
    }

    /** @return never failed: a failure is the acknowledgement it calls for */
    private CompletableFuture<Acknowledgement> store(ReceivedMessage message) {
        CompletableFuture<String> stored;
        try {
            stored = sink.acceptAsync(new String(message.payload(), StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.handle((answer, failure) -> failure == null ? Acknowledgement.handled(answer)
                : acknowledgementOf(message, failure instanceof CompletionException c && c.getCause() != null
                ? c.getCause() : failure));
    }

    private static Acknowledgement acknowledgementOf(ReceivedMessage message, Throwable failure) {
        if (failure instanceof MalformedEventException malformed) {
            // Acked 200 on purpose: Lark would redeliver the same bytes for hours and no redelivery can mend them.
            log.warn("message {} is not a usable event ({}); acknowledged so that Lark stops redelivering it",
                    message.messageId(), malformed.getMessage());
            return Acknowledgement.HANDLED;
        }
        if (failure instanceof StorageUnavailableException) {
            log.warn("message {} not stored, storage unavailable; answered 500 so that Lark delivers it again",
                    message.messageId());
            return Acknowledgement.DELIVER_AGAIN;
        }
        // An Error too: letting it end the loop would leave a worker fewer, silently, while the connection
        // reports healthy. Only the class is logged: the message might quote the payload.
        log.error("message {} failed with {}; answered 500 so that Lark delivers it again",
                message.messageId(), failure.getClass().getName());
        return Acknowledgement.DELIVER_AGAIN;
    }

    /** @return false when interrupted */
    private static boolean pause() {
        try {
            Thread.sleep(10);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
