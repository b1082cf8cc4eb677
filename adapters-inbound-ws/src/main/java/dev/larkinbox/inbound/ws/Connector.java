package dev.larkinbox.inbound.ws;

import com.google.gson.JsonObject;
import dev.larkinbox.inbound.ws.ConnectionStatus.State;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting and reconnecting, as Lark's ClientConfig says: after a loss a random first wait of 0..ReconnectNonce,
 * then a try every ReconnectInterval, at most ReconnectCount tries per outage; after a refusal (bad credentials,
 * too many connections) the long client-error backoff. Keeps the connection's {@link ConnectionStatus}.
 *
 * <p>Everything but {@link #apply}, {@link #status} and the socket's end notice runs on the control thread, which
 * alone writes the fields not marked volatile.
 */
final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    private final LongConnectionConfig config;
    private final GatewayEndpoint endpoint;
    private final ScheduledExecutorService control;
    private final WorkQueue queue;
    private final BiConsumer<Connection, byte[]> reader;
    private final BooleanSupplier closed;
    private final AtomicReference<GatewayPolicy> policy = new AtomicReference<>(GatewayPolicy.DEFAULT);

    /** Dropped on close, so that the JDK's selector thread for it ends too. */
    private volatile HttpClient http;
    private volatile Connection current;
    private volatile ConnectionStatus status = new ConnectionStatus(State.NEW, Instant.now(), 0, null);
    private volatile long reconnects;
    private KeepAlive keepAlive;
    private boolean everConnected;
    private int triesThisOutage;

    /**
     * @param httpThreads runs the endpoint calls and the sockets
     * @param queue       asked whether a connection's reading is paused, which the keep-alive must allow for
     * @param reader      given every WebSocket message of every connection
     */
    Connector(LongConnectionConfig config, ScheduledExecutorService control, ExecutorService httpThreads,
              WorkQueue queue, BiConsumer<Connection, byte[]> reader, BooleanSupplier closed) {
        this.config = config;
        this.endpoint = new GatewayEndpoint(config);
        this.control = control;
        this.queue = queue;
        this.reader = reader;
        this.closed = closed;
        this.http = HttpClient.newBuilder()
                .executor(httpThreads)
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    void start() {
        setStatus(State.CONNECTING, null);
        control.execute(this::attempt);
    }

    ConnectionStatus status() {
        return status;
    }

    /** The open connection, or null. */
    Connection current() {
        return current;
    }

    /** For close(), once the control thread has stopped: the open connection (or null), no longer this one's. */
    Connection release() {
        Connection c = current;
        current = null;
        return c;
    }

    /** For close(), once the sockets are closed. */
    void stopped() {
        http = null;
        setStatus(State.STOPPED, status.lastError());
    }

    /** Takes Lark's ClientConfig, from the endpoint reply or a pong. */
    void apply(JsonObject clientConfig) {
        GatewayPolicy before = policy.get();
        GatewayPolicy after = policy.updateAndGet(p -> p.with(clientConfig));
        if (after.equals(before)) {
            return;
        }
        log.debug("Lark's client config now {}", after);
        if (!after.pingInterval().equals(before.pingInterval())) {
            try {
                control.execute(() -> {
                    if (keepAlive != null) {
                        keepAlive.pingIntervalChanged();
                    }
                });
            } catch (RejectedExecutionException e) {
                // closing: no more pings anyway
            }
        }
    }

    private void attempt() {
        if (closed.getAsBoolean()) {
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
        if (closed.getAsBoolean()) {
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
        keepAlive = new KeepAlive(c, control, config.pongTimeout(), () -> policy.get().pingInterval(),
                queue::readingPaused, reason -> lost(c, reason));
        keepAlive.start();
    }

    private Connection connect() throws ConnectFailure, InterruptedException {
        GatewayEndpoint.Grant grant = endpoint.fetch(http);
        if (grant.clientConfig() != null) {
            apply(grant.clientConfig());
        }
        Connection c = new Connection(grant.url().getHost(), grant.serviceId(),
                new FragmentJoiner(config.fragmentTimeout()), reader, this::ended);
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
        if (closed.getAsBoolean()) {
            return;
        }
        try {
            control.execute(() -> lost(c, reason));
        } catch (RejectedExecutionException e) {
            // close() is under way: nothing to reconnect
        }
    }

    private void lost(Connection c, String reason) {
        if (closed.getAsBoolean() || c != current) {
            return;
        }
        current = null;
        c.abort();
        keepAlive.stop();
        keepAlive = null;
        setStatus(State.RECONNECTING, reason);
        triesThisOutage = 0;
        // a random first wait, as Lark asks, so that all its clients do not come back at the same instant
        long nonce = policy.get().reconnectNonce().toMillis();
        Duration wait = Duration.ofMillis(nonce == 0 ? 0 : ThreadLocalRandom.current().nextLong(nonce + 1));
        log.warn("long connection lost ({}); reconnecting in {} ms", reason, wait.toMillis());
        retryAfter(wait);
    }

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
}
