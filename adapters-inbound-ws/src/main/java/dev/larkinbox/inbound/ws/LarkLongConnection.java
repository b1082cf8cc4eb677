package dev.larkinbox.inbound.ws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.lark.oapi.google.protobuf.InvalidProtocolBufferException;
import com.lark.oapi.ws.pb.Pbbp2.Frame;
import dev.larkinbox.domain.event.StorageUnavailableException;
import dev.larkinbox.inbound.lark.MalformedEventException;
import dev.larkinbox.inbound.ws.ConnectionStatus.State;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lark's long connection (event subscription over a WebSocket), written so that no event is lost: an event is
 * acknowledged only after the {@link EventSink} committed it, fragments are joined safely, a dead or closed
 * connection is replaced, and a full work queue stops the reading instead of growing memory.
 *
 * <p>Threads (all daemon, named {@code lark-ws-*}): one control thread connects, pings and reconnects; the
 * workers store events; the JDK's HTTP client runs the socket on its own small pool. {@link #close()} stops them
 * all. Logs name message ids and reasons, never payloads (they hold personal data) nor the app secret.
 */
public final class LarkLongConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LarkLongConnection.class);

    private static final Duration CLOSE_HANDSHAKE_WAIT = Duration.ofSeconds(1);
    private static final Duration THREAD_STOP_WAIT = Duration.ofMillis(500);

    /** One complete message, waiting for a worker. {@code frame} is the (last) frame to send back as the ack. */
    private record Job(Connection connection, Frame frame, String messageId, byte[] payload) {
    }

    private final LongConnectionConfig config;
    private final EventSink sink;
    private final GatewayEndpoint endpoint;
    private final BlockingQueue<Job> queue;
    private final ScheduledExecutorService control;
    private final ExecutorService workers;
    private final ExecutorService httpThreads;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger busyWorkers = new AtomicInteger();
    private final AtomicReference<GatewayPolicy> policy = new AtomicReference<>(GatewayPolicy.DEFAULT);
    private final Object stallLock = new Object();
    private final Object lifecycle = new Object();

    /** Dropped on close, so that the JDK's selector thread for it ends too. */
    private volatile HttpClient http;
    private volatile Connection current;
    private volatile ConnectionStatus status = new ConnectionStatus(State.NEW, Instant.now(), 0, null);
    /** The one job that found the queue full; its socket is not read again until it is queued. */
    private Job stalled;

    // Only the control thread writes these.
    private boolean everConnected;
    private int triesThisOutage;
    private volatile long reconnects;
    private ScheduledFuture<?> nextPing;
    private long lastPingAt;

    public LarkLongConnection(LongConnectionConfig config, EventSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.endpoint = new GatewayEndpoint(config);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.control = Executors.newSingleThreadScheduledExecutor(daemon("lark-ws-control"));
        this.workers = Executors.newFixedThreadPool(config.workers(), daemon("lark-ws-worker-"));
        this.httpThreads = Executors.newCachedThreadPool(daemon("lark-ws-http-"));
        this.http = HttpClient.newBuilder()
                .executor(httpThreads)
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
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
            setStatus(State.CONNECTING, null);
            for (int i = 0; i < config.workers(); i++) {
                workers.execute(this::work);
            }
            long sweep = Math.min(1000, Math.max(50, config.fragmentTimeout().toMillis() / 2));
            control.scheduleWithFixedDelay(this::expireFragments, sweep, sweep, TimeUnit.MILLISECONDS);
            control.execute(this::attempt);
        }
    }

    public ConnectionStatus status() {
        return status;
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
        control.shutdownNow();
        awaitStop(control);
        Connection c = current;
        current = null;
        synchronized (stallLock) {
            stalled = null;
        }
        queue.clear();
        long graceEnd = System.nanoTime() + config.shutdownGrace().toNanos();
        while (busyWorkers.get() > 0 && System.nanoTime() - graceEnd < 0 && pause(10)) {
            // events being stored finish and are acked
        }
        workers.shutdownNow();
        awaitStop(workers);
        if (c != null) {
            c.close(CLOSE_HANDSHAKE_WAIT);
        }
        httpThreads.shutdownNow();
        awaitStop(httpThreads);
        http = null;
        setStatus(State.STOPPED, status.lastError());
        log.info("long connection closed");
    }

    // ---- connecting (control thread) ----

    private void attempt() {
        if (closed.get()) {
            return;
        }
        Connection c;
        try {
            c = connect();
        } catch (ConnectFailure f) {
            failed(f);
            return;
        } catch (InterruptedException e) {
            // close() interrupts a connection attempt in progress
            Thread.currentThread().interrupt();
            return;
        }
        if (closed.get()) {
            c.abort();
            return;
        }
        current = c;
        triesThisOutage = 0;
        if (everConnected) {
            reconnects++;
        }
        everConnected = true;
        setStatus(State.CONNECTED, status.lastError());
        log.info("long connection open to {} (service {})", c.host(), c.serviceId());
        ping(c, c.pongs());
    }

    private Connection connect() throws ConnectFailure, InterruptedException {
        GatewayEndpoint.Grant grant = endpoint.fetch(http);
        if (grant.clientConfig() != null) {
            apply(grant.clientConfig());
        }
        Connection c = new Connection(grant.url().getHost(), grant.serviceId(),
                new FragmentJoiner(config.fragmentTimeout()), this::received, this::ended);
        CompletableFuture<?> opening = http.newWebSocketBuilder()
                .connectTimeout(config.connectTimeout())
                .buildAsync(grant.url(), c);
        try {
            // the builder's own timeout normally fires first; this one only bounds a stuck handshake
            opening.get(config.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            return c;
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof WebSocketHandshakeException refused) {
                throw GatewayEndpoint.handshakeFailure(refused);
            }
            throw ConnectFailure.trouble("WebSocket connection failed: " + cause.getClass().getSimpleName());
        } catch (TimeoutException e) {
            opening.cancel(true);
            c.abort();
            throw ConnectFailure.trouble("WebSocket handshake timed out");
        } catch (InterruptedException e) {
            opening.cancel(true);
            c.abort();
            throw e;
        }
    }

    private void failed(ConnectFailure f) {
        Duration wait = f.refused() ? config.clientErrorBackoff() : policy.get().reconnectInterval();
        setStatus(everConnected ? State.RECONNECTING : State.CONNECTING, f.getMessage());
        if (f.refused()) {
            // retrying sooner cannot help and would hammer Lark: a long, fixed wait
            log.error("Lark refused the long connection: {}; next try in {} s", f.getMessage(), wait.toSeconds());
        } else {
            log.warn("long connection attempt failed: {}; next try in {} s", f.getMessage(), wait.toSeconds());
        }
        retryAfter(wait);
    }

    /** Schedules the next try of this outage, unless Lark's ReconnectCount is spent. */
    private void retryAfter(Duration wait) {
        GatewayPolicy p = policy.get();
        if (!p.unlimited() && triesThisOutage >= p.reconnectCount()) {
            setStatus(State.GAVE_UP, status.lastError());
            log.error("long connection given up after {} tries (Lark's ReconnectCount); restart to try again",
                    triesThisOutage);
            return;
        }
        triesThisOutage++;
        control.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called from the socket's threads when the connection ends for any reason. */
    private void ended(Connection c, String reason) {
        if (closed.get()) {
            return;
        }
        try {
            control.execute(() -> lost(c, reason));
        } catch (RejectedExecutionException e) {
            // close() is under way: nothing to reconnect
        }
    }

    private void lost(Connection c, String reason) {
        if (closed.get() || c != current) {
            return;
        }
        current = null;
        c.abort();
        if (nextPing != null) {
            nextPing.cancel(false);
            nextPing = null;
        }
        setStatus(State.RECONNECTING, reason);
        triesThisOutage = 0;
        // a random first wait, as Lark asks, so that all its clients do not come back at the same instant
        long nonce = policy.get().reconnectNonce().toMillis();
        Duration wait = Duration.ofMillis(nonce == 0 ? 0 : ThreadLocalRandom.current().nextLong(nonce + 1));
        log.warn("long connection lost ({}); reconnecting in {} ms", reason, wait.toMillis());
        retryAfter(wait);
    }

    // ---- keeping the connection alive (control thread) ----

    private void ping(Connection c, long pongsBefore) {
        if (c != current) {
            return;
        }
        c.send(Frames.ping(c.serviceId()));
        lastPingAt = System.nanoTime();
        control.schedule(() -> checkPong(c, pongsBefore), config.pongTimeout().toMillis(), TimeUnit.MILLISECONDS);
        nextPing = control.schedule(() -> ping(c, c.pongs()), policy.get().pingInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A new PingInterval counts from the last ping, not from the next one already planned. */
    private void reschedulePing() {
        Connection c = current;
        if (c == null || nextPing == null || !nextPing.cancel(false)) {
            return;
        }
        long due = lastPingAt + policy.get().pingInterval().toNanos() - System.nanoTime();
        nextPing = control.schedule(() -> ping(c, c.pongs()), Math.max(0, due), TimeUnit.NANOSECONDS);
    }

    private void checkPong(Connection c, long pongsBefore) {
        if (c != current || c.pongs() > pongsBefore) {
            return;
        }
        if (readingPaused(c)) {
            // we are not reading, so the pong cannot have been seen yet: judge again later
            control.schedule(() -> checkPong(c, pongsBefore), config.pongTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        lost(c, "no pong within " + config.pongTimeout().toMillis() + " ms");
    }

    private void expireFragments() {
        Connection c = current;
        if (c == null) {
            return;
        }
        for (FragmentJoiner.Dropped d : c.fragments().expire(System.nanoTime())) {
            log.warn("message {} dropped unacked: {} of {} fragments arrived within {} ms; Lark delivers it again",
                    d.messageId(), d.received(), d.sum(), config.fragmentTimeout().toMillis());
        }
    }

    private void apply(JsonObject clientConfig) {
        GatewayPolicy before = policy.get();
        GatewayPolicy after = policy.updateAndGet(p -> p.with(clientConfig));
        if (after.equals(before)) {
            return;
        }
        log.debug("Lark's client config now {}", after);
        if (!after.pingInterval().equals(before.pingInterval())) {
            try {
                control.execute(this::reschedulePing);
            } catch (RejectedExecutionException e) {
                // closing: no more pings anyway
            }
        }
    }

    // ---- reading (the socket's thread, one message at a time per connection) ----

    private void received(Connection c, byte[] data) {
        Frame frame;
        try {
            frame = Frame.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            log.warn("ignored a {}-byte message that is not a Lark frame", data.length);
            c.requestNext();
            return;
        }
        if (frame.getMethod() == Frames.METHOD_CONTROL) {
            if (Frames.TYPE_PONG.equals(Frames.header(frame, Frames.TYPE))) {
                c.pongReceived();
                pongConfig(frame);
            }
            c.requestNext();
            return;
        }
        if (frame.getMethod() != Frames.METHOD_DATA) {
            c.requestNext();
            return;
        }
        if (closed.get()) {
            // closing: take nothing more in; whatever is not acked, Lark delivers again
            return;
        }
        String messageId = Frames.header(frame, Frames.MESSAGE_ID);
        byte[] whole;
        try {
            whole = c.fragments().add(messageId, Frames.intHeader(frame, Frames.SUM, 1),
                    Frames.intHeader(frame, Frames.SEQ, 0), frame.getPayload().toByteArray(), System.nanoTime());
        } catch (IllegalArgumentException e) {
            log.warn("ignored a data frame of message {}: {}", messageId, e.getMessage());
            c.requestNext();
            return;
        }
        if (whole == null) {
            c.requestNext();
            return;
        }
        enqueue(new Job(c, frame, messageId, whole));
    }

    private void pongConfig(Frame pong) {
        if (pong.getPayload().isEmpty()) {
            return;
        }
        try {
            JsonElement json = JsonParser.parseString(pong.getPayload().toStringUtf8());
            if (json.isJsonObject()) {
                apply(json.getAsJsonObject());
            }
        } catch (JsonParseException e) {
            log.debug("ignored a pong whose client config is not JSON");
        }
    }

    /** Queues the job and reads on; when the queue is full the job waits here and the socket is not read. */
    private void enqueue(Job job) {
        if (queue.offer(job)) {
            job.connection().requestNext();
            return;
        }
        synchronized (stallLock) {
            stalled = job;
        }
        // a worker may have made room before the job was set aside: look again, or a worker will
        retryStalled();
    }

    private void retryStalled() {
        Job job;
        synchronized (stallLock) {
            if (stalled == null || !queue.offer(stalled)) {
                return;
            }
            job = stalled;
            stalled = null;
        }
        job.connection().requestNext();
    }

    private boolean readingPaused(Connection c) {
        synchronized (stallLock) {
            return stalled != null && stalled.connection() == c;
        }
    }

    // ---- storing and acknowledging (workers) ----

    private void work() {
        while (!closed.get()) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            retryStalled();
            if (closed.get()) {
                return;
            }
            busyWorkers.incrementAndGet();
            try {
                long start = System.nanoTime();
                int code = store(job);
                job.connection().send(Frames.ack(job.frame(), code, (System.nanoTime() - start) / 1_000_000));
            } finally {
                busyWorkers.decrementAndGet();
            }
        }
    }

    /** The ack code: 200 once committed (or when no retry could help), 500 so that Lark delivers it again. */
    private int store(Job job) {
        try {
            sink.accept(new String(job.payload(), StandardCharsets.UTF_8));
            return 200;
        } catch (MalformedEventException e) {
            // Acked 200 on purpose: Lark would redeliver the same bytes for hours and no redelivery can mend them.
            log.warn("message {} is not a usable event ({}); acknowledged so that Lark stops redelivering it",
                    job.messageId(), e.getMessage());
            return 200;
        } catch (StorageUnavailableException e) {
            log.warn("message {} not stored, storage unavailable; answered 500 so that Lark delivers it again",
                    job.messageId());
            return 500;
        } catch (RuntimeException e) {
            // only the class: an unexpected exception's message might quote the payload
            log.error("message {} failed with {}; answered 500 so that Lark delivers it again",
                    job.messageId(), e.getClass().getName());
            return 500;
        }
    }

    // ---- helpers ----

    private synchronized void setStatus(State state, String lastError) {
        if (status.state() == State.STOPPED) {
            // a control task that outlived close() must not revive the status
            return;
        }
        Instant since = status.state() == state ? status.since() : Instant.now();
        status = new ConnectionStatus(state, since, reconnects, lastError);
    }

    private static Throwable unwrap(ExecutionException e) {
        Throwable t = e.getCause();
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t == null ? e : t;
    }

    private static void awaitStop(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(THREAD_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("a long-connection thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when interrupted */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name.endsWith("-") ? name + n.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }
}
