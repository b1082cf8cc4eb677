package dev.larkinbox.app;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.inbound.lark.Intake;
import dev.larkinbox.inbound.lark.IntakeListener;
import dev.larkinbox.inbound.lark.LarkEventIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what became of every delivered event, for {@code /prometheus} ({@code lark_events_total} by transport,
 * type and outcome; {@code lark_events_refused_total} by transport and reason), and says it in one log line
 * every {@code inbox.log.summary-interval} instead of a line per event. Names event types and reasons only, never
 * an event's content.
 */
@Context
class EventMetrics implements IntakeListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventMetrics.class);
    /** Types are tags as they come only when known: anything may arrive as a type. */
    private static final Set<String> KNOWN_TYPES = Set.of(LarkEventIntake.FEEDBACK_CREATED,
            LarkEventIntake.FEEDBACK_UPDATED, LarkEventIntake.APP_VERSION_PUBLISH_REVOKE);

    private final MeterRegistry registry;
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder other = new LongAdder();
    private final LongAdder refused = new LongAdder();

    EventMetrics(MeterRegistry registry, LogConfig log, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.registry = registry;
        scheduler.scheduleWithFixedDelay(log.summaryInterval(), log.summaryInterval(), this::logSummary);
    }

    @Override
    public void taken(Transport transport, Intake intake) {
        String outcome = intake.delivery() == Delivery.DUPLICATE ? "duplicate" : intake.outcome().label();
        registry.counter("lark.events", "transport", transport.wireName(), "type", type(intake.eventType()),
                "outcome", outcome).increment();
        switch (outcome) {
            case "stored" -> stored.increment();
            case "duplicate" -> duplicates.increment();
            default -> other.increment();
        }
    }

    @Override
    public void refused(Transport transport, String eventType, Refusal reason) {
        registry.counter("lark.events.refused", "transport", transport.wireName(), "reason", reason.label())
                .increment();
        refused.increment();
    }

    /** The summary line, when anything arrived since the last one. */
    void logSummary() {
        long s = stored.sumThenReset();
        long d = duplicates.sumThenReset();
        long o = other.sumThenReset();
        long r = refused.sumThenReset();
        if (s + d + o + r > 0) {
            LOG.info("events since the last summary: {} stored, {} duplicates, {} ignored or kept raw, {} refused",
                    s, d, o, r);
        }
    }

    private static String type(String eventType) {
        return eventType == null ? "unknown" : KNOWN_TYPES.contains(eventType) ? eventType : "other";
    }
}
