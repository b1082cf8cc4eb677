package dev.larkinbox.app;

import dev.larkinbox.outbound.db.card.CardOutboxRepository;
import dev.larkinbox.outbound.db.reply.ReporterOutboxRepository;
import dev.larkinbox.outbound.db.workflow.OutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The outboxes for Lark in {@code /prometheus}, statuses ({@code kind="status"}), chat cards ({@code kind="card"})
 * and messages to reporters ({@code kind="reporter"}): {@code inbox_outbox_pending} rows neither delivered nor given
 * up, including those waiting to be tried again, and {@code inbox_outbox_oldest_age_seconds}, how long the oldest of
 * them waits. Read at each scrape (NaN while the database does not answer).
 */
@Context
class OutboxMetrics {
    OutboxMetrics(OutboxRepository statuses, CardOutboxRepository cards, ReporterOutboxRepository reporters,
                  MeterRegistry registry) {
        register(registry, "status", statuses::countAllPending, statuses::oldestPending);
        register(registry, "card", cards::countAllPending, cards::oldestPending);
        register(registry, "reporter", reporters::countAllPending, reporters::oldestPending);
    }

    private static void register(MeterRegistry registry, String kind, Supplier<Long> pending,
                                 Supplier<List<Instant>> oldest) {
        Gauge.builder("inbox.outbox.pending", () -> orNaN(pending)).tag("kind", kind)
                .description("statuses (kind=status), chat cards (kind=card) and messages to reporters"
                        + " (kind=reporter) waiting to be sent to Lark")
                .register(registry);
        Gauge.builder("inbox.outbox.oldest.age", () -> orNaN(() -> {
                    List<Instant> first = oldest.get();
                    return first.isEmpty() ? 0 : Duration.between(first.get(0), Instant.now()).toMillis() / 1000.0;
                })).tag("kind", kind)
                .baseUnit("seconds").description("how long the oldest of its kind waits to be sent to Lark")
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
