package dev.larkinbox.outbound.db.postgres;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/** What the group commit tells an operator: batch sizes, commit latencies and the queue's depth. */
final class GroupCommitMetrics {
    private final DistributionSummary batchSizes;
    private final Timer commits;

    /** @param metrics where they are told; null: nowhere */
    GroupCommitMetrics(@Nullable MeterRegistry metrics, Collection<?> queue) {
        MeterRegistry registry = metrics == null ? new SimpleMeterRegistry() : metrics;
        batchSizes = DistributionSummary.builder("inbox.store.commit.batch.size")
                .description("events committed in one transaction").register(registry);
        commits = Timer.builder("inbox.store.commit.latency")
                .description("time of one group-commit transaction").register(registry);
        Gauge.builder("inbox.store.queue.depth", queue, Collection::size)
                .description("events waiting for the next transaction").register(registry);
    }

    /** A transaction that began at {@code beganNanos} ({@link System#nanoTime()}) committed this many events. */
    void committed(int events, long beganNanos) {
        commits.record(System.nanoTime() - beganNanos, TimeUnit.NANOSECONDS);
        batchSizes.record(events);
    }
}
