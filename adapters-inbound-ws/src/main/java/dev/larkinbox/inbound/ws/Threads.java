package dev.larkinbox.inbound.ws;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client's threads: daemon, named {@code lark-ws-*}, and each pool given a short while to stop. */
final class Threads {
    private static final Logger log = LoggerFactory.getLogger(Threads.class);
    private static final Duration STOP_WAIT = Duration.ofMillis(500);

    private Threads() {
    }

    /** A name ending in {@code -} is numbered. */
    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name.endsWith("-") ? name + n.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Interrupts the pool's threads and waits a little for them to end. */
    static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("a long-connection thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
