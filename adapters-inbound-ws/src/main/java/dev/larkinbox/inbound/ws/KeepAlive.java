package dev.larkinbox.inbound.ws;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps one connection alive: a ping every PingInterval (Lark's ClientConfig), and the connection declared dead
 * when a ping goes unanswered for the pong timeout, since a silently dead TCP connection is otherwise only noticed
 * when a write fails. Runs on the control thread only, so its fields need no lock.
 */
final class KeepAlive {
    private final Connection connection;
    private final ScheduledExecutorService control;
    private final Duration pongTimeout;
    private final Supplier<Duration> pingInterval;
    private final Predicate<Connection> readingPaused;
    private final Consumer<String> dead;

    private boolean stopped;
    private ScheduledFuture<?> nextPing;
    private long lastPingAt;

    /**
     * @param readingPaused true while the client itself does not read this connection (its work queue is full)
     * @param dead          told why, once the connection counts as dead
     */
    KeepAlive(Connection connection, ScheduledExecutorService control, Duration pongTimeout,
              Supplier<Duration> pingInterval, Predicate<Connection> readingPaused, Consumer<String> dead) {
        this.connection = connection;
        this.control = control;
        this.pongTimeout = pongTimeout;
        this.pingInterval = pingInterval;
        this.readingPaused = readingPaused;
        this.dead = dead;
    }

    /** Pings now, and from then on. */
    void start() {
        ping(connection.pongs());
    }

    void stop() {
        stopped = true;
        if (nextPing != null) {
            nextPing.cancel(false);
            nextPing = null;
        }
    }

    /** A new PingInterval counts from the last ping, not from the next one already planned. */
    void pingIntervalChanged() {
        if (stopped || nextPing == null || !nextPing.cancel(false)) {
            return;
        }
        long due = lastPingAt + pingInterval.get().toNanos() - System.nanoTime();
        nextPing = control.schedule(() -> ping(connection.pongs()), Math.max(0, due), TimeUnit.NANOSECONDS);
    }

    private void ping(long pongsBefore) {
        if (stopped) {
            return;
        }
        connection.send(Frames.ping(connection.serviceId()));
        lastPingAt = System.nanoTime();
        control.schedule(() -> checkPong(pongsBefore), pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
        nextPing = control.schedule(() -> ping(connection.pongs()), pingInterval.get().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkPong(long pongsBefore) {
        if (stopped || connection.pongs() > pongsBefore) {
            return;
        }
        if (readingPaused.test(connection)) {
            // we are not reading, so the pong cannot have been seen yet: judge again later
            control.schedule(() -> checkPong(pongsBefore), pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        dead.accept("no pong within " + pongTimeout.toMillis() + " ms");
    }
}
