package dev.larkinbox.outbound.lark;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run on its own daemon thread, again and again with a pause between runs. A failed run is logged and the
 * next one comes as planned: a worker must outlive an outage of Lark or of the database.
 */
public final class PeriodicTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);
    private static final long STOP_WAIT_SECONDS = 5;

    private final String name;
    private final ScheduledExecutorService executor;

    /**
     * @param interval the pause between the end of one run and the start of the next
     */
    public PeriodicTask(String name, Duration initialDelay, Duration interval, Runnable task) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (initialDelay.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, the initial delay not negative");
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(task), initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void runOnce(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // the domain's and the adapters' messages name the failure, never personal data
            LOG.warn("{} failed, trying again later: {}: {}", name, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Stops; a run under way is interrupted after a few seconds. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
