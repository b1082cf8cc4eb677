package dev.larkinbox.inbound.ws;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lark's long connection (event subscription over a WebSocket), written so that no event is lost: an event is
 * acknowledged only after the {@link EventSink} committed it, fragments are joined safely, a dead or closed
 * connection is replaced, and a full work queue stops the reading instead of growing memory.
 *
 * <p>This class starts and stops the parts: the {@link Connector} (connecting, reconnecting, status) with each
 * connection's {@link KeepAlive}, the {@link FrameReader}, the {@link WorkQueue} and the {@link Workers} that store
 * and acknowledge. Threads (all daemon, named {@code lark-ws-*}): one control thread connects, pings and
 * reconnects; the workers store events; the JDK's HTTP client runs the socket on its own small pool.
 * {@link #close()} stops them all. Logs name message ids and reasons, never payloads (they hold personal data)
 * nor the app secret.
 */
public final class LarkLongConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LarkLongConnection.class);

    private static final Duration CLOSE_HANDSHAKE_WAIT = Duration.ofSeconds(1);

    private final LongConnectionConfig config;
    private final ScheduledExecutorService control;
    private final ExecutorService httpThreads;
    private final WorkQueue queue;
    private final FrameReader reader;
    private final Connector connector;
    private final Workers workers;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object lifecycle = new Object();

    public LarkLongConnection(LongConnectionConfig config, EventSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        this.control = Executors.newSingleThreadScheduledExecutor(Threads.daemon("lark-ws-control"));
        this.httpThreads = Executors.newCachedThreadPool(Threads.daemon("lark-ws-http-"));
        this.queue = new WorkQueue(config.queueCapacity());
        this.reader = new FrameReader(queue, this::clientConfigInPong, config.fragmentTimeout(), closed::get);
        this.connector = new Connector(config, control, httpThreads, queue, reader::received, closed::get);
        this.workers = new Workers(config.workers(), config.queueCapacity(), queue, sink, closed::get);
    }

    /** Starts connecting in the background and returns at once; Lark being unreachable does not block it. */
    public void start() {
        synchronized (lifecycle) {
            if (closed.get()) {
                throw new IllegalStateException("closed");
            }
            if (!started.compareAndSet(false, true)) {
                throw new IllegalStateException("already started");
            }
            workers.start();
            long sweep = Math.min(1000, Math.max(50, config.fragmentTimeout().toMillis() / 2));
            control.scheduleWithFixedDelay(() -> reader.expireFragments(connector.current()), sweep, sweep,
                    TimeUnit.MILLISECONDS);
            connector.start();
        }
    }

    public ConnectionStatus status() {
        return connector.status();
    }

    /**
     * Stops within a few seconds: reading stops at once, queued events are abandoned without an ack (Lark
     * delivers them again), events being stored get the shutdown grace to finish and be acked, a Close frame is
     * sent, and every thread ends.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
        }
        log.info("closing the long connection");
        Threads.stop(control);
        Connection c = connector.release();
        queue.abandon();
        workers.stop(config.shutdownGrace());
        if (c != null) {
            c.close(CLOSE_HANDSHAKE_WAIT);
        }
        Threads.stop(httpThreads);
        connector.stopped();
        log.info("long connection closed");
    }

    /** The reader and the connector need each other: this breaks the loop at construction. */
    private void clientConfigInPong(JsonObject clientConfig) {
        connector.apply(clientConfig);
    }
}
