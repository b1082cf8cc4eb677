package dev.larkinbox.app;

import dev.larkinbox.outbound.db.workflow.OutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The outbox of statuses for Lark in {@code /prometheus}: {@code inbox_outbox_pending} rows not yet delivered
 * and {@code inbox_outbox_oldest_age_seconds}, how long the oldest of them waits. Read at each scrape (NaN
 * while the database does not answer).
 */
@Context
class OutboxMetrics {
    OutboxMetrics(OutboxRepository outbox, MeterRegistry registry) {
        Gauge.builder("inbox.outbox.pending", () -> orNaN(outbox::countAllPending))
                .description("statuses waiting to be sent to Lark").register(registry);
        Gauge.builder("inbox.outbox.oldest.age", () -> orNaN(() -> {
                    List<Instant> oldest = outbox.oldestPending();
                    return oldest.isEmpty() ? 0 : Duration.between(oldest.get(0), Instant.now()).toMillis() / 1000.0;
                }))
                .baseUnit("seconds").description("how long the oldest status waits to be sent to Lark")
                .register(registry);
    }

    private static double orNaN(Supplier<? extends Number> read) {
        try {
            return read.get().doubleValue();
        } catch (RuntimeException databaseDown) {
            return Double.NaN;
        }
    }
}
