package dev.larkinbox.inbound.ws;

import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.inbound.lark.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that take messages from the {@link WorkQueue}, store each through the {@link EventSink} and only
 * then acknowledge it, on the connection it came by. Nothing a sink throws ends a worker.
 */
final class Workers {
    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final int count;
    private final WorkQueue queue;
    private final EventSink sink;
    private final BooleanSupplier closed;
    private final ExecutorService pool;
    private final AtomicInteger busy = new AtomicInteger();

    Workers(int count, WorkQueue queue, EventSink sink, BooleanSupplier closed) {
        this.count = count;
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
    }

    private void work() {
        while (!closed.getAsBoolean()) {
            ReceivedMessage message;
            try {
                message = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (closed.getAsBoolean()) {
                return;
            }
            busy.incrementAndGet();
            try {
                long start = System.nanoTime();
                Acknowledgement answer = store(message);
                message.connection().send(Frames.ack(message.frame(), answer, (System.nanoTime() - start) / 1_000_000));
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    private Acknowledgement store(ReceivedMessage message) {
        try {
            return Acknowledgement.handled(sink.accept(new String(message.payload(), StandardCharsets.UTF_8)));
        } catch (MalformedEventException e) {
            // Acked 200 on purpose: Lark would redeliver the same bytes for hours and no redelivery can mend them.
            log.warn("message {} is not a usable event ({}); acknowledged so that Lark stops redelivering it",
                    message.messageId(), e.getMessage());
            return Acknowledgement.HANDLED;
        } catch (StorageUnavailableException e) {
            log.warn("message {} not stored, storage unavailable; answered 500 so that Lark delivers it again",
                    message.messageId());
            return Acknowledgement.DELIVER_AGAIN;
        } catch (RuntimeException | Error e) {
            // An Error too: letting it end this loop would leave a worker fewer, silently, while the connection
            // reports healthy. Only the class is logged: the message might quote the payload.
            log.error("message {} failed with {}; answered 500 so that Lark delivers it again",
                    message.messageId(), e.getClass().getName());
            return Acknowledgement.DELIVER_AGAIN;
        }
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
